package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code sigmoid}: f(z) = 1 / (1 + e^-z); f'(z) = a (1 - a), read from the output. No parameters.
 *
 * <p>Stable for any z: for z &lt; 0 it is computed as e^z / (1 + e^z), so e^-z never overflows
 * and the result tends to exactly 0 and 1 at the extremes.
 */
final class Sigmoid extends ElementwiseActivation {
  static final String NAME = "sigmoid";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = sigmoid(z[i]);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = upstream[i] * a[i] * (1.0 - a[i]);
    }
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }
}
