package io.github.backprop.optimizers;

import com.google.inject.Module;
import io.github.backprop.inject.BackpropPlugin;

/** Hands {@link OptimizersModule} to plug-in discovery. */
public final class OptimizersPlugin implements BackpropPlugin {
  @Override
  public Module module() {
    return new OptimizersModule();
  }
}
