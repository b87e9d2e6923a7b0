package io.github.backprop.losses;

import java.util.Map;

/**
 * {@code smooth_l1}: torch's SmoothL1Loss. Per sample, with d_j = a_j - y_j,
 * mean_j [d^2 / (2 beta) if |d| &lt; beta, else |d| - beta / 2], averaged over the batch. Equals
 * {@code huber} with delta = beta divided by beta; beta = 0 is plain {@code mae}.
 *
 * <p>Gradient of the batch mean: (d_j / beta if |d| &lt; beta, else sign(d_j)) / (batch *
 * outputs).
 *
 * <p>Parameter {@code beta} (default {@value #DEFAULT_BETA}): the width of the quadratic zone;
 * must be non-negative, as torch requires. Any output activation (usually identity).
 */
final class SmoothL1 extends ElementwiseLoss {
  static final String NAME = "smooth_l1";
  static final String BETA = "beta";
  static final double DEFAULT_BETA = 1.0;

  private final double beta;

  /** @throws IllegalArgumentException if beta is negative or not finite */
  SmoothL1(double beta) {
    super(true);
    if (!(beta >= 0) || beta == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          NAME + ": parameter " + BETA + " must be non-negative and finite, got " + beta);
    }
    this.beta = beta;
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
      sum += d < beta ? 0.5 * d * d / beta : d - 0.5 * beta;
    }
    return sum;
  }

  // With beta = 0 the quadratic branch is never taken, so there is no division by zero.
  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - y[i];
      g[i] = (Math.abs(d) < beta ? d / beta : Math.signum(d)) * scale;
    }
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of(BETA, beta);
  }

  @Override
  public String toString() {
    return NAME + "[" + BETA + "=" + beta + "]";
  }
}
