package io.github.backprop.losses;

import com.google.inject.Module;
import io.github.backprop.inject.BackpropPlugin;

/** Hands {@link LossesModule} to plug-in discovery. */
public final class LossesPlugin implements BackpropPlugin {
  @Override
  public Module module() {
    return new LossesModule();
  }
}
