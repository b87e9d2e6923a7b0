package io.github.backprop.cli;

import io.github.backprop.inject.Components;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What a command runs with: where to print, and the plug-ins by name (created on first use, so
 * that {@code help} does not start an injector).
 *
 * @param out results
 * @param err progress and messages
 */
record Context(PrintStream out, PrintStream err, Supplier<Components> componentSource) {
  Components components() {
    return componentSource.get();
  }
}
