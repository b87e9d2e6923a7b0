package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/** {@code identity}: f(z) = z; f'(z) = 1. No parameters. The usual output unit for regression. */
final class Identity extends ElementwiseActivation {
  static final String NAME = "identity";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a) {
    System.arraycopy(z, 0, a, 0, z.length);
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
    System.arraycopy(upstream, 0, dz, 0, upstream.length);
  }
}
