package io.github.backprop.losses;

/** Outputs and targets for the regression losses: residuals of both signs, small and large. */
final class RegressionData {
  private RegressionData() {}

  static double[][] outputs() {
    return new double[][] {{0.3, -1.2, 2.0}, {1.5, 0.1, -0.7}, {-2.2, 0.45, 3.1}};
  }

  /** Residuals y - a: {0.4, 2.5, -1.7}, {-0.3, -2.05, 0.9}, {3.0, 0.25, -0.6}. */
  static double[][] targets() {
    return new double[][] {{0.7, 1.3, 0.3}, {1.2, -1.95, 0.2}, {0.8, 0.7, 2.5}};
  }
}
