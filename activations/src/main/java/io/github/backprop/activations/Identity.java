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
  protected void apply(double[] z, double[] a, int from, int to) {
    System.arraycopy(z, from, a, from, to - from);
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    System.arraycopy(upstream, from, dz, from, to - from);
  }
}
