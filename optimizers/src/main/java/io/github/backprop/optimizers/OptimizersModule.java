package io.github.backprop.optimizers;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/** Registers the stock optimizers by name. Binds only; safe to install twice. */
public final class OptimizersModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.optimizer(binder(), Sgd.NAME, p -> new Sgd(p.requireDouble("learningRate")));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptimizersModule;
  }

  @Override
  public int hashCode() {
    return OptimizersModule.class.hashCode();
  }
}
