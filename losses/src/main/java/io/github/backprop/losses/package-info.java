/**
 * The stock loss functions, registered by name through {@link
 * io.github.backprop.losses.LossesModule} and created directly through {@link
 * io.github.backprop.losses.Losses}.
 */
package io.github.backprop.losses;
