package io.github.backprop.losses;

import io.github.backprop.tensor.Tensor;

/**
 * Turns class labels given as indices into the one-hot target rows that {@code cross_entropy}
 * and {@code kl_divergence} read.
 *
 * <pre>{@code
 * Tensor labels = Tensor.of(new double[][] {{2}, {0}});   // class of each row
 * Tensor y = ClassLabels.oneHot(labels, 3);                // {{0, 0, 1}, {1, 0, 0}}
 * }</pre>
 */
public final class ClassLabels {
  private ClassLabels() {}

  /**
   * One-hot rows: row r has a 1 in column labels[r] and 0 elsewhere.
   *
   * @param labels class indices, shape [rows, 1], each a whole number in [0, classes)
   * @param classes the number of classes C, at least 1
   * @return a new tensor, shape [rows, classes]
   * @throws IllegalArgumentException if labels is not one column, or naming the first row whose
   *     label is not a whole number in [0, classes)
   */
  public static Tensor oneHot(Tensor labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException(
          "class labels: the number of classes must be at least 1, got " + classes);
    }
    if (labels.shape().rank() != 2 || labels.cols() != 1) {
      throw new IllegalArgumentException(
          "class labels: expected one column of class indices, shape [rows, 1], got shape "
              + labels.shape());
    }
    double[] index = labels.data();
    Tensor oneHot = Tensor.zeros(index.length, classes);
    double[] y = oneHot.data();
    for (int r = 0; r < index.length; r++) {
      double c = index[r];
      if (!(c >= 0 && c < classes) || c != Math.rint(c)) {
        throw new IllegalArgumentException(
            "class labels: row " + r + " holds " + c + ", but a class index must be a whole"
                + " number from 0 to " + (classes - 1) + " (" + classes + " classes)");
      }
      y[r * classes + (int) c] = 1;
    }
    return oneHot;
  }
}
