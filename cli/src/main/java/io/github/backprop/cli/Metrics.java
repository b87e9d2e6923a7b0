package io.github.backprop.cli;

import io.github.backprop.tensor.Tensor;

/**
 * Classification accuracy, for data whose targets say it is classification: every target is 0
 * or 1, and each row is one-hot (or a single 0/1 column, read as one binary output).
 */
final class Metrics {
  private Metrics() {}

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

  /**
   * The share of rows whose predicted class is the target's: the largest output for several
   * outputs, output at least 0.5 for one.
   *
   * @param outputs shape [rows, outputs]
   * @param targets the same shape, classification targets
   */
  static double accuracy(Tensor outputs, Tensor targets) {
    int correct = 0;
    for (int r = 0; r < outputs.rows(); r++) {
      if (predictedClass(outputs, r) == predictedClass(targets, r)) {
        correct++;
      }
    }
    return (double) correct / outputs.rows();
  }

  /** The class row r of a network's outputs names: argmax, or for one output, a >= 0.5. */
  static int predictedClass(Tensor outputs, int r) {
    return outputs.cols() == 1 ? (outputs.get(r, 0) >= 0.5 ? 1 : 0) : argmax(outputs, r);
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
