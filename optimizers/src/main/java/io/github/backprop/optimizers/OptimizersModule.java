package io.github.backprop.optimizers;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/**
 * Registers the stock optimizers by name (see {@link Optimizers} for the names and their
 * hyperparameters). Binds only; safe to install twice.
 */
public final class OptimizersModule extends AbstractModule {
  @Override
  protected void configure() {
    Optimizers.FACTORIES.forEach((name, factory) -> Plugins.optimizer(binder(), name, factory));
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
