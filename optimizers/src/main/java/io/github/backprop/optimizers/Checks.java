package io.github.backprop.optimizers;

/** Hyperparameter checks shared by the optimizers, with torch's ranges and one message shape. */
final class Checks {
  private Checks() {}

  /**
   * learningRate &gt; 0 and finite (torch allows 0; a rate of 0 trains nothing, so we refuse it).
   */
  static double learningRate(String optimizer, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          optimizer + ": learningRate must be positive and finite, got " + value);
    }
    return value;
  }

  /** value &gt;= 0 and finite (momentum, epsilon, weightDecay, lrDecay, ...). */
  static double nonNegative(String optimizer, String key, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          optimizer + ": " + key + " must be at least 0 and finite, got " + value);
    }
    return value;
  }

  /** value in [0, 1) (betas). */
  static double beta(String optimizer, String key, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(
          optimizer + ": " + key + " must be in [0, 1), got " + value);
    }
    return value;
  }

  /** value in [0, 1] (decay rates such as rho and alpha). */
  static double unitInterval(String optimizer, String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          optimizer + ": " + key + " must be in [0, 1], got " + value);
    }
    return value;
  }
}
