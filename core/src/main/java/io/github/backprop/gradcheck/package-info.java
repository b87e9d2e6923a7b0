/**
 * Gradient checking: {@link io.github.backprop.gradcheck.GradientCheck} compares backprop's
 * gradients with central finite differences for any network and batch.
 */
package io.github.backprop.gradcheck;
