package io.github.backprop.inject;

import com.google.inject.Binder;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Initializer;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;

/**
 * One-line registrations for plug-in modules, hiding the type literals of the registries'
 * MapBinders.
 *
 * <pre>{@code
 * protected void configure() {
 *   Plugins.activation(binder(), "swish", Swish.class);                     // plain
 *   Plugins.activation(binder(), "leaky_relu",
 *       p -> new LeakyRelu(p.getDouble("alpha", 0.01)));                    // parameterised
 * }
 * }</pre>
 *
 * <p>A class registered by type is created by Guice (constructor injection), so it may itself
 * inject what it needs; it takes no hyperparameters. A name registered twice fails when the
 * injector is created, listing both binding sites.
 */
public final class Plugins {
  private Plugins() {}

  public static MapBinder<String, ComponentFactory<Activation>> activations(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {},
        new TypeLiteral<ComponentFactory<Activation>>() {});
  }

  public static MapBinder<String, ComponentFactory<Loss>> losses(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {},
        new TypeLiteral<ComponentFactory<Loss>>() {});
  }

  public static MapBinder<String, ComponentFactory<Optimizer>> optimizers(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {},
        new TypeLiteral<ComponentFactory<Optimizer>>() {});
  }

  public static MapBinder<String, ComponentFactory<Initializer>> initializers(Binder binder) {
    return MapBinder.newMapBinder(binder, new TypeLiteral<String>() {},
        new TypeLiteral<ComponentFactory<Initializer>>() {});
  }

  /** Registers an activation class that takes no hyperparameters. */
  public static void activation(Binder binder, String name, Class<? extends Activation> type) {
    activations(binder).addBinding(name).toInstance(provided(binder.getProvider(type)));
  }

  /** Registers an activation made from its hyperparameters. */
  public static void activation(Binder binder, String name, ComponentFactory<Activation> factory) {
    activations(binder).addBinding(name).toInstance(factory);
  }

  /** Registers a loss class that takes no hyperparameters. */
  public static void loss(Binder binder, String name, Class<? extends Loss> type) {
    losses(binder).addBinding(name).toInstance(provided(binder.getProvider(type)));
  }

  /** Registers a loss made from its hyperparameters. */
  public static void loss(Binder binder, String name, ComponentFactory<Loss> factory) {
    losses(binder).addBinding(name).toInstance(factory);
  }

  /** Registers an optimizer made from its hyperparameters (a new one per lookup). */
  public static void optimizer(Binder binder, String name, ComponentFactory<Optimizer> factory) {
    optimizers(binder).addBinding(name).toInstance(factory);
  }

  /** Registers an initializer made from its hyperparameters. */
  public static void initializer(Binder binder, String name,
      ComponentFactory<Initializer> factory) {
    initializers(binder).addBinding(name).toInstance(factory);
  }

  private static <T> ComponentFactory<T> provided(Provider<? extends T> provider) {
    return parameters -> provider.get();
  }
}
