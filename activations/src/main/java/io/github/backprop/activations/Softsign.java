package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/** {@code softsign}: f(z) = z / (1 + |z|); f'(z) = 1 / (1 + |z|)^2. No parameters. */
final class Softsign extends ElementwiseActivation {
  static final String NAME = "softsign";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] / (1.0 + Math.abs(z[i]));
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      // From z, not from a: 1 - |a| cancels for large |z|.
      double q = 1.0 / (1.0 + Math.abs(z[i]));
      dz[i] = upstream[i] * q * q;
    }
  }
}
