/**
 * Training: {@link io.github.backprop.train.Trainer} runs epochs of mini-batches,
 * {@link io.github.backprop.train.Gradients} is one forward and backward pass, and the plug-in
 * interfaces {@link io.github.backprop.train.Loss} and {@link io.github.backprop.train.Optimizer}
 * say what is minimised and how parameters move.
 */
package io.github.backprop.train;
