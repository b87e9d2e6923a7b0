package io.github.backprop.losses;

/**
 * {@code mae}: mean_j |y_j - a_j| per sample, averaged over the batch; torch's L1Loss.
 *
 * <p>Gradient of the batch mean: sign(a_j - y_j) / (batch * outputs), taking 0 at a_j = y_j as
 * torch does. No parameters; any output activation (usually identity, for regression robust to
 * outliers).
 */
final class MeanAbsoluteError extends ElementwiseLoss {
  static final String NAME = "mae";

  MeanAbsoluteError() {
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
      sum += Math.abs(y[i] - a[i]);
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      g[i] = Math.signum(a[i] - y[i]) * scale;
    }
  }
}
