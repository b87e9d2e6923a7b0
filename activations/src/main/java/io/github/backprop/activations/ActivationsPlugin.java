package io.github.backprop.activations;

import com.google.inject.Module;
import io.github.backprop.inject.BackpropPlugin;

/** Hands {@link ActivationsModule} to plug-in discovery. */
public final class ActivationsPlugin implements BackpropPlugin {
  @Override
  public Module module() {
    return new ActivationsModule();
  }
}
