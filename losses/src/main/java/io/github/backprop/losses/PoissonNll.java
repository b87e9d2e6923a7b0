package io.github.backprop.losses;

/**
 * {@code poisson_nll}: mean_j [exp(a_j) - y_j a_j] per sample, averaged over the batch; torch's
 * PoissonNLLLoss with log_input=True, full=False. The outputs are log-rates ln(lambda) of Poisson
 * counts y (the negative log-likelihood without the ln(y!) term, which does not depend on a).
 *
 * <p>Gradient of the batch mean: (exp(a_j) - y_j) / (batch * outputs). No parameters; identity
 * output (the log-rate may be any real number).
 */
final class PoissonNll extends ElementwiseLoss {
  static final String NAME = "poisson_nll";

  PoissonNll() {
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
      sum += Math.exp(a[i]) - y[i] * a[i];
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      g[i] = (Math.exp(a[i]) - y[i]) * scale;
    }
  }
}
