package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code hard_sigmoid} (torch's Hardsigmoid): f(z) = relu6(z + 3) / 6, i.e. 0 for z &le; -3, 1
 * for z &ge; 3, else z / 6 + 1/2; f'(z) = 1/6 for -3 &lt; z &lt; 3, else 0 (0 at both corners,
 * as torch). No parameters.
 */
final class HardSigmoid extends ElementwiseActivation {
  static final String NAME = "hard_sigmoid";
  private static final double ONE_SIXTH = 1.0 / 6.0;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      a[i] = x <= -3.0 ? 0.0 : (x >= 3.0 ? 1.0 : (x + 3.0) * ONE_SIXTH);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > -3.0 && z[i] < 3.0 ? upstream[i] * ONE_SIXTH : 0.0;
    }
  }
}
