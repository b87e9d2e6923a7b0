/**
 * Dense row-major double storage: {@link io.github.backprop.tensor.Tensor} and its
 * {@link io.github.backprop.tensor.Shape}.
 */
package io.github.backprop.tensor;
