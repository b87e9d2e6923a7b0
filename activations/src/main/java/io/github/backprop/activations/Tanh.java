package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/** {@code tanh}: f(z) = tanh z; f'(z) = 1 - a^2, read from the output. No parameters. */
final class Tanh extends ElementwiseActivation {
  static final String NAME = "tanh";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = Math.tanh(z[i]);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = upstream[i] * (1.0 - a[i] * a[i]);
    }
  }
}
