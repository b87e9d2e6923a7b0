/**
 * The stock optimizers, registered by name through {@link
 * io.github.backprop.optimizers.OptimizersModule} and created directly through {@link
 * io.github.backprop.optimizers.Optimizers}.
 */
package io.github.backprop.optimizers;
