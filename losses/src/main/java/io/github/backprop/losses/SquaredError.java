package io.github.backprop.losses;

/**
 * {@code squared_error}: C = 1/2 sum_j (y_j - a_j)^2 per sample, the seeds' E and C, averaged
 * over the batch.
 *
 * <p>Gradient of the batch mean: dC/da_j = (a_j - y_j) / batch. No parameters; any output
 * activation (usually identity or sigmoid, as in the seeds).
 */
final class SquaredError extends ElementwiseLoss {
  static final String NAME = "squared_error";

  SquaredError() {
    super(false);
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
    return 0.5 * sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      g[i] = (a[i] - y[i]) * scale;
    }
  }
}
