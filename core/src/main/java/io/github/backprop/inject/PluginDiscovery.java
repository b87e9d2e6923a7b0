package io.github.backprop.inject;

import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the plug-in modules on the class path through {@link ServiceLoader}. Opt-in. */
public final class PluginDiscovery {
  private PluginDiscovery() {}

  /** The module of every {@link BackpropPlugin} visible to this class's loader. */
  public static List<Module> modules() {
    return modules(PluginDiscovery.class.getClassLoader());
  }

  /** The module of every {@link BackpropPlugin} visible to {@code loader}. */
  public static List<Module> modules(ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    for (BackpropPlugin plugin : ServiceLoader.load(BackpropPlugin.class, loader)) {
      modules.add(plugin.module());
    }
    return modules;
  }
}
