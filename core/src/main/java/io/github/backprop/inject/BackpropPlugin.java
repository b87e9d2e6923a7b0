package io.github.backprop.inject;

import com.google.inject.Module;

/**
 * A plug-in jar's door for discovery: list an implementation in
 * {@code META-INF/services/io.github.backprop.inject.BackpropPlugin}, and putting the jar on the
 * class path is enough for {@link Backprop#injector} to install its module.
 */
public interface BackpropPlugin {
  /** The plug-in's Guice module, which only adds registry entries. */
  Module module();
}
