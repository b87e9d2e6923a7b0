/**
 * The stock activation functions, registered by name through {@link
 * io.github.backprop.activations.ActivationsModule} and created directly through {@link
 * io.github.backprop.activations.Activations}.
 */
package io.github.backprop.activations;
