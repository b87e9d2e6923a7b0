package io.github.backprop.losses;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;

/** The checks the stock losses share, with messages that name the loss, the place and the value. */
final class Checks {
  private Checks() {}

  /**
   * Requires {@code other} (the targets, a gradient buffer, z) to have the outputs' shape.
   *
   * @param role what {@code other} is, for the message ("target")
   * @throws ShapeMismatchException naming the loss and both shapes
   */
  static void sameShape(String loss, String role, Tensor output, Tensor other) {
    if (!output.shape().equals(other.shape())) {
      throw new ShapeMismatchException(
          loss + ": " + role + " shape " + other.shape() + " does not match the output shape "
              + output.shape(),
          output.shape().toString(), other.shape().toString());
    }
  }

  /**
   * Requires every output to be a probability in [0, 1], as torch's BCELoss does. NaN passes,
   * so that a diverging run is reported by the trainer with the node where it started.
   *
   * @param expected the output activation the loss expects, for the message ("sigmoid")
   * @throws IllegalArgumentException naming the first output outside [0, 1]
   */
  static void probabilities(String loss, Tensor output, String expected) {
    double[] a = output.data();
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || a[i] > 1) {
        throw new IllegalArgumentException(
            loss + ": output row " + i / output.cols() + ", column " + i % output.cols() + " is "
                + a[i] + ", not a probability in [0, 1]; " + loss
                + " reads its outputs as probabilities, so the output layer should be " + expected);
      }
    }
  }

  /**
   * Requires each target row to be a probability distribution: no negative value, and a sum
   * within {@link Probabilities#SUM_TOLERANCE} of 1.
   *
   * @param where what the targets are, for the message
   * @throws IllegalArgumentException naming the row, and the value or the sum found
   */
  static void distributions(String loss, String where, Tensor targets) {
    double[] y = targets.data();
    int rows = targets.rows();
    int cols = targets.cols();
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int j = r * cols; j < (r + 1) * cols; j++) {
        if (!(y[j] >= 0)) {
          throw new IllegalArgumentException(
              where + ": row " + r + ", column " + (j - r * cols) + " is " + y[j] + ", but "
                  + loss + " targets are probabilities (no negative values, each row summing to"
                  + " 1)");
        }
        sum += y[j];
      }
      if (!(Math.abs(sum - 1) <= Probabilities.SUM_TOLERANCE)) {
        throw new IllegalArgumentException(
            where + ": row " + r + " sums to " + sum + ", but " + loss + " needs each target row"
                + " to sum to 1 within " + Probabilities.SUM_TOLERANCE
                + " (a one-hot row or a distribution; ClassLabels.oneHot turns class indices"
                + " into one-hot rows)");
      }
    }
  }

  /**
   * Requires every target to be -1 or +1, as the margin losses read them.
   *
   * @throws IllegalArgumentException naming the row, column and value of the first other target
   */
  static void signs(String loss, String where, Tensor targets) {
    double[] y = targets.data();
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 1 && y[i] != -1) {
        throw new IllegalArgumentException(
            where + ": row " + i / targets.cols() + ", column " + i % targets.cols() + " is "
                + y[i] + ", but " + loss + " targets must be -1 or +1");
      }
    }
  }

  /**
   * Requires every target to lie in [0, 1], as torch's BCELoss does.
   *
   * @throws IllegalArgumentException naming the row, column and value of the first other target
   */
  static void unitInterval(String loss, String where, Tensor targets) {
    double[] y = targets.data();
    for (int i = 0; i < y.length; i++) {
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            where + ": row " + i / targets.cols() + ", column " + i % targets.cols() + " is "
                + y[i] + ", but " + loss + " targets must lie in [0, 1]");
      }
    }
  }
}
