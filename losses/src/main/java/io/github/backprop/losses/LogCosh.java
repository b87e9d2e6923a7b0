package io.github.backprop.losses;

/**
 * {@code log_cosh}: mean_j ln cosh(y_j - a_j) per sample, averaged over the batch. Like
 * squared error (d^2 / 2) for small residuals and like absolute error (|d| - ln 2) for large
 * ones, and smooth everywhere.
 *
 * <p>Gradient of the batch mean: tanh(a_j - y_j) / (batch * outputs). No parameters; any output
 * activation (usually identity).
 *
 * <p>cosh overflows beyond |d| of about 710, so the value is computed as
 * ln(1 + 2 sinh^2(d / 2)) for |d| &lt;= {@value #LARGE} (accurate also for tiny d, where
 * ln(cosh d) would round to 0) and as |d| - ln 2 + ln(1 + e^(-2|d|)) beyond, which is finite
 * for any finite d.
 */
final class LogCosh extends ElementwiseLoss {
  static final String NAME = "log_cosh";
  /** Past this |d| the large-residual form is used; both forms are accurate around it. */
  static final double LARGE = 20;
  private static final double LN2 = Math.log(2);

  LogCosh() {
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
      double d = Math.abs(a[i] - y[i]);
      if (d <= LARGE) {
        double s = Math.sinh(0.5 * d);
        sum += Math.log1p(2 * s * s);
      } else {
        sum += d - LN2 + Math.log1p(Math.exp(-2 * d));
      }
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      g[i] = Math.tanh(a[i] - y[i]) * scale;
    }
  }
}
