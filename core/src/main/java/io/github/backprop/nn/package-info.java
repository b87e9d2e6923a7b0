/**
 * Layers and networks: {@link io.github.backprop.nn.Network} stacks
 * {@link io.github.backprop.nn.Dense} layers on the graph, and
 * {@link io.github.backprop.nn.Pass} exposes one batch's z, a and delta per layer. Also the
 * plug-in interfaces {@link io.github.backprop.nn.Activation} (with the bases
 * {@link io.github.backprop.nn.ElementwiseActivation} and
 * {@link io.github.backprop.nn.ScalarActivation}) and {@link io.github.backprop.nn.Initializer}.
 */
package io.github.backprop.nn;
