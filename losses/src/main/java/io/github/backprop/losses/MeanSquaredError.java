package io.github.backprop.losses;

/**
 * {@code mse}: mean_j (y_j - a_j)^2 per sample, averaged over the batch; torch's MSELoss.
 *
 * <p>Gradient of the batch mean: 2 (a_j - y_j) / (batch * outputs). No parameters; any output
 * activation (usually identity, for regression).
 */
final class MeanSquaredError extends ElementwiseLoss {
  static final String NAME = "mse";

  MeanSquaredError() {
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
      double r = y[i] - a[i];
      sum += r * r;
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    double twice = 2 * scale;
    for (int i = 0; i < a.length; i++) {
      g[i] = (a[i] - y[i]) * twice;
    }
  }
}
