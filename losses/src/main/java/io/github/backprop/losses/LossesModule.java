package io.github.backprop.losses;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/** Registers the stock losses by name. Binds only; safe to install twice. */
public final class LossesModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.loss(binder(), SquaredError.NAME, p -> new SquaredError());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LossesModule;
  }

  @Override
  public int hashCode() {
    return LossesModule.class.hashCode();
  }
}
