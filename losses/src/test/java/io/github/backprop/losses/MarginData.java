package io.github.backprop.losses;

/** Scores and -1/+1 targets for the margin losses, away from the kink at y a = 1. */
final class MarginData {
  private MarginData() {}

  static double[][] outputs() {
    return new double[][] {{0.3, 0.5, 2.0}, {1.2, 1.6, -0.8}};
  }

  static double[][] targets() {
    return new double[][] {{1, -1, 1}, {-1, 1, -1}};
  }
}
