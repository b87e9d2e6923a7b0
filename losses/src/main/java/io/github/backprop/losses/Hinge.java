package io.github.backprop.losses;

import io.github.backprop.tensor.Tensor;

/**
 * {@code hinge}: mean_j max(0, 1 - y_j a_j) per sample, averaged over the batch; targets are -1
 * or +1. A margin loss for binary classification by the sign of a raw score (identity or tanh
 * output).
 *
 * <p>Gradient of the batch mean: -y_j / (batch * outputs) where 1 - y_j a_j &gt; 0, else 0 (the
 * subgradient 0 is taken at the kink y_j a_j = 1). No parameters.
 */
final class Hinge extends ElementwiseLoss {
  static final String NAME = "hinge";

  Hinge() {
    super(true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  double total(double[] a, double[] y) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.max(0, 1 - y[i] * a[i]);
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      g[i] = 1 - y[i] * a[i] > 0 ? -y[i] * scale : 0;
    }
  }

  /** @throws IllegalArgumentException naming the first target that is not -1 or +1 */
  @Override
  public void checkTargets(String where, Tensor targets) {
    Checks.signs(NAME, where, targets);
  }
}
