/**
 * Guice wiring: the registries that map plug-in names to factories
 * ({@link io.github.backprop.inject.ComponentRegistry}), the {@link
 * io.github.backprop.inject.Plugins} helper that plug-in modules register with, discovery of
 * plug-in jars ({@link io.github.backprop.inject.BackpropPlugin}), and the entry point {@link
 * io.github.backprop.inject.Backprop}.
 */
package io.github.backprop.inject;
