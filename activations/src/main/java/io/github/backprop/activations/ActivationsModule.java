package io.github.backprop.activations;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/** Registers the stock activations by name. Binds only; safe to install twice. */
public final class ActivationsModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.activation(binder(), Sigmoid.NAME, p -> new Sigmoid());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationsModule;
  }

  @Override
  public int hashCode() {
    return ActivationsModule.class.hashCode();
  }
}
