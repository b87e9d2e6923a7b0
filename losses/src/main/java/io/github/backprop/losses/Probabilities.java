package io.github.backprop.losses;

/**
 * What the probability losses (binary_cross_entropy, cross_entropy, kl_divergence) share: torch's
 * floor on logarithms, its floor on denominators, and the softmax fused gradient.
 */
final class Probabilities {
  /** Logarithms of probabilities are clamped here, as torch's BCELoss does: ln 0 counts as -100. */
  static final double LOG_FLOOR = -100;
  /**
   * The smallest denominator in an unfused gradient, torch's {@code EPSILON} in the BCELoss
   * backward: at a probability of exactly 0 (or 1) the gradient is large but finite. Torch keeps
   * it as a float, so it is 1e-12f widened (9.99999996e-13), not the double 1e-12.
   */
  static final double EPSILON = 1e-12f;
  /** How far a target row may sum from 1 and still count as a distribution. */
  static final double SUM_TOLERANCE = 1e-6;

  private Probabilities() {}

  /** max(ln p, -100). */
  static double clampedLog(double p) {
    return Math.max(Math.log(p), LOG_FLOOR);
  }

  /**
   * The fused gradient at the logits z of a softmax output layer for a loss whose gradient in the
   * outputs is -t_j / a_j * scale, with t = (1 - smoothing) y + smoothing / C:
   * delta_j = (a_j sum_k t_k - t_j) * scale. For target rows summing to 1 this is the familiar
   * (a - t) * scale; keeping the sum makes it the exact chain-rule product for rows that sum to 1
   * only within rounding. It never divides by a_j, so it is finite for any z.
   *
   * @param a softmax outputs, [rows * cols] row-major
   * @param y targets, same layout
   * @param delta receives dC/dz, same layout
   */
  static void softmaxDelta(double[] a, double[] y, int cols, double smoothing, double scale,
      double[] delta) {
    double keep = 1 - smoothing;
    double spread = smoothing / cols;
    for (int start = 0; start < a.length; start += cols) {
      double sum = 0;
      for (int j = start; j < start + cols; j++) {
        sum += keep * y[j] + spread;
      }
      for (int j = start; j < start + cols; j++) {
        delta[j] = (a[j] * sum - (keep * y[j] + spread)) * scale;
      }
    }
  }

  /**
   * The summed cross-entropy -sum_rows sum_j t_j ln softmax(z)_j of a [rows, cols] matrix of
   * logits, with t = (1 - smoothing) y + smoothing / cols, computing ln softmax(z)_j as
   * z_j - logsumexp(z) (max-shifted), so it is exact where softmax(z)_j underflows to 0.
   */
  static double crossEntropyOfLogits(double[] z, double[] y, int cols, double smoothing) {
    double keep = 1 - smoothing;
    double spread = smoothing / cols;
    double sum = 0;
    for (int start = 0; start < z.length; start += cols) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = start; j < start + cols; j++) {
        max = Math.max(max, z[j]);
      }
      double exps = 0;
      for (int j = start; j < start + cols; j++) {
        exps += Math.exp(z[j] - max);
      }
      double logSumExp = max + Math.log(exps);
      for (int j = start; j < start + cols; j++) {
        sum -= (keep * y[j] + spread) * (z[j] - logSumExp);
      }
    }
    return sum;
  }
}
