package io.github.backprop.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Initializer;
import io.github.backprop.nn.Initializers;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Core's bindings: the four registries (empty until plug-in modules add to them, so an injector
 * with no plug-ins still works), the built-in initializers, and {@link Components}.
 */
public final class CoreModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.activations(binder());
    Plugins.losses(binder());
    Plugins.optimizers(binder());
    Plugins.initializer(binder(), "zeros", p -> Initializers.zeros());
    Plugins.initializer(binder(), "constant", p -> Initializers.constant(p.requireDouble("value")));
    Plugins.initializer(binder(), "uniform",
        p -> Initializers.uniform(p.getDouble("low", 0.0), p.getDouble("high", 1.0)));
    Plugins.initializer(binder(), "normal",
        p -> Initializers.normal(p.getDouble("mean", 0.0), p.getDouble("std", 1.0)));
    Plugins.initializer(binder(), "xavier_uniform", p -> Initializers.xavierUniform());
    Plugins.initializer(binder(), "xavier_normal", p -> Initializers.xavierNormal());
    Plugins.initializer(binder(), "he_uniform", p -> Initializers.heUniform());
    Plugins.initializer(binder(), "he_normal", p -> Initializers.heNormal());
  }

  @Provides
  @Singleton
  ComponentRegistry<Activation> activations(Map<String, ComponentFactory<Activation>> factories) {
    return new ComponentRegistry<>("activation", factories, Activation::name);
  }

  @Provides
  @Singleton
  ComponentRegistry<Loss> losses(Map<String, ComponentFactory<Loss>> factories) {
    return new ComponentRegistry<>("loss", factories, Loss::name);
  }

  @Provides
  @Singleton
  ComponentRegistry<Optimizer> optimizers(Map<String, ComponentFactory<Optimizer>> factories) {
    return new ComponentRegistry<>("optimizer", factories, Optimizer::name);
  }

  @Provides
  @Singleton
  ComponentRegistry<Initializer> initializers(
      Map<String, ComponentFactory<Initializer>> factories) {
    return new ComponentRegistry<>("initializer", factories, Initializer::name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoreModule;
  }

  @Override
  public int hashCode() {
    return CoreModule.class.hashCode();
  }
}
