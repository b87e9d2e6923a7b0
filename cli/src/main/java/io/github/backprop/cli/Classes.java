package io.github.backprop.cli;

import io.github.backprop.tensor.Tensor;

/**
 * Classes read from targets and outputs, as core's {@link io.github.backprop.train.Metrics}
 * reads them: the largest output (the first on ties), or for a single output, 1 if it is above
 * 0.5.
 */
final class Classes {
  private Classes() {}

  /** Whether the targets are classes: one-hot rows, or one column of 0s and 1s. */
  static boolean isClassification(Tensor targets) {
    int cols = targets.cols();
    double[] y = targets.data();
    for (int r = 0; r < targets.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < cols; c++) {
        double v = y[r * cols + c];
        if (v != 0.0 && v != 1.0) {
          return false;
        }
        sum += v;
      }
      if (cols > 1 && sum != 1.0) {
        return false;
      }
    }
    return true;
  }

  /** The class row r of a network's outputs names: argmax, or for one output, a > 0.5. */
  static int predictedClass(Tensor outputs, int r) {
    return outputs.cols() == 1 ? (outputs.get(r, 0) > 0.5 ? 1 : 0) : argmax(outputs, r);
  }

  /** The column of the largest value in row r (the first on ties). */
  static int argmax(Tensor t, int r) {
    int cols = t.cols();
    double[] data = t.data();
    int best = 0;
    for (int c = 1; c < cols; c++) {
      if (data[r * cols + c] > data[r * cols + best]) {
        best = c;
      }
    }
    return best;
  }
}
