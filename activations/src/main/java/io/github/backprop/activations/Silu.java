package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code silu} (swish): f(z) = z sigmoid(z); f'(z) = s + a (1 - s) with s = sigmoid(z) = a / z
 * read from the output (1/2 near z = 0), so the backward pass needs no exponential. No
 * parameters. Weights default to {@code he_uniform}.
 */
final class Silu extends ElementwiseActivation {
  static final String NAME = "silu";
  /** Below this |z|, sigmoid(z) is 1/2 to double precision and a / z may lose bits. */
  private static final double NEAR_ZERO = 1e-200;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      // e^-z overflows to infinity for z < -709, and z / infinity is the right limit, -0.
      a[i] = z[i] / (1.0 + Math.exp(-z[i]));
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double s = Math.abs(z[i]) < NEAR_ZERO ? 0.5 : a[i] / z[i];
      dz[i] = upstream[i] * (s + a[i] * (1.0 - s));
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }
}
