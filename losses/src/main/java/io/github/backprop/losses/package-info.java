/**
 * The stock loss functions: squared error, the regression losses (mse, mae, huber, smooth_l1,
 * log_cosh, poisson_nll), the probability losses (binary_cross_entropy, cross_entropy,
 * kl_divergence) and the margin losses (hinge, squared_hinge).
 *
 * <p>Three ways in: by name through {@link io.github.backprop.losses.LossesModule} (as
 * configuration files and saved models do), directly through the factories in
 * {@link io.github.backprop.losses.Losses}, or by plug-in discovery. Every loss averages its
 * per-sample value over the batch; the per-sample formulas, gradients, parameters and expected
 * output activations are on {@link io.github.backprop.losses.Losses}' methods and on each
 * implementation. {@link io.github.backprop.losses.ClassLabels} turns class indices into the
 * one-hot targets the cross-entropy family reads.
 */
package io.github.backprop.losses;
