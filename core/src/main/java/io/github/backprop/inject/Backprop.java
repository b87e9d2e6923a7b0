package io.github.backprop.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: an injector with core, every plug-in found on the class path, and the
 * caller's own modules.
 *
 * <pre>{@code
 * Components components = Backprop.components(new SwishModule());
 * Network net = components.network("2-8-1", "swish", "sigmoid", 42);
 * }</pre>
 *
 * <p>Applications that want no discovery call {@code Guice.createInjector(new CoreModule(), ...)}
 * with their own list instead. A module found by discovery and also passed explicitly is
 * installed once (modules compare equal by class).
 */
public final class Backprop {
  private Backprop() {}

  /** Core + discovered plug-ins + {@code extra}. */
  public static Injector injector(Module... extra) {
    List<Module> modules = new ArrayList<>();
    modules.add(new CoreModule());
    modules.addAll(PluginDiscovery.modules());
    modules.addAll(List.of(extra));
    return Guice.createInjector(modules);
  }

  /** The by-name front door of {@link #injector(Module...)}. */
  public static Components components(Module... extra) {
    return injector(extra).getInstance(Components.class);
  }
}
