package io.github.backprop.losses;

import java.util.Map;

/**
 * {@code huber}: torch's HuberLoss. Per sample, with d_j = a_j - y_j,
 * mean_j [d^2 / 2 if |d| &lt;= delta, else delta (|d| - delta / 2)], averaged over the batch:
 * quadratic near the target, linear (robust to outliers) beyond delta.
 *
 * <p>Gradient of the batch mean: clamp(d_j, -delta, delta) / (batch * outputs).
 *
 * <p>Parameter {@code delta} (default {@value #DEFAULT_DELTA}): where the quadratic becomes
 * linear; must be positive, as torch requires. Any output activation (usually identity).
 */
final class Huber extends ElementwiseLoss {
  static final String NAME = "huber";
  static final String DELTA = "delta";
  static final double DEFAULT_DELTA = 1.0;

  private final double delta;

  /** @throws IllegalArgumentException if delta is not positive and finite */
  Huber(double delta) {
    super(true);
    if (!(delta > 0) || delta == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          NAME + ": parameter " + DELTA + " must be positive and finite, got " + delta);
    }
    this.delta = delta;
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
      sum += d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
    }
    return sum;
  }

  @Override
  void derivative(double[] a, double[] y, double scale, double[] g) {
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - y[i];
      g[i] = Math.max(-delta, Math.min(delta, d)) * scale;
    }
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of(DELTA, delta);
  }

  @Override
  public String toString() {
    return NAME + "[" + DELTA + "=" + delta + "]";
  }
}
