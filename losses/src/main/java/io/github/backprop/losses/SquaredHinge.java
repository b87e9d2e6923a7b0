package io.github.backprop.losses;

import io.github.backprop.tensor.Tensor;

/**
 * {@code squared_hinge}: mean_j max(0, 1 - y_j a_j)^2 per sample, averaged over the batch;
 * targets are -1 or +1. The hinge loss made smooth at the margin, penalising large violations
 * more.
 *
 * <p>Gradient of the batch mean: -2 y_j max(0, 1 - y_j a_j) / (batch * outputs). No
 * parameters; identity or tanh output.
 */
final class SquaredHinge extends ElementwiseLoss {
  static final String NAME = "squared_hinge";

  SquaredHinge() {
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
      double m = Math.max(0, 1 - y[i] * a[i]);
      sum += m * m;
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    double twice = 2 * scale;
    for (int i = 0; i < a.length; i++) {
      g[i] = -y[i] * Math.max(0, 1 - y[i] * a[i]) * twice;
    }
  }

  /** @throws IllegalArgumentException naming the first target that is not -1 or +1 */
  @Override
  public void checkTargets(String where, Tensor targets) {
    Checks.signs(NAME, where, targets);
  }
}
