package io.github.backprop.train;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;

/**
 * Classification metrics. The predicted class of a row is the index of its largest output
 * (the first, on a tie, and a NaN counting as largest, as torch.argmax), or for a single output,
 * 1 if it is above 0.5 and 0 otherwise (a sigmoid unit); the true class is read from the target
 * row the same way, so one-hot and 0/1 targets both work.
 */
public final class Metrics {
  private static final Metric ACCURACY = new Metric() {
    @Override
    public String name() {
      return "accuracy";
    }

    @Override
    public double value(Tensor outputs, Tensor targets) {
      return accuracy(outputs, targets);
    }

    @Override
    public String toString() {
      return "accuracy";
    }
  };

  private Metrics() {}

  /** The {@code "accuracy"} metric, for {@link Trainer.Builder#metric}. */
  public static Metric accuracy() {
    return ACCURACY;
  }

  /**
   * The fraction of rows whose predicted class is the true class.
   *
   * @throws ShapeMismatchException if the shapes differ
   * @throws IllegalArgumentException if there are no rows
   */
  public static double accuracy(Tensor outputs, Tensor targets) {
    check(outputs, targets);
    int rows = outputs.rows();
    int correct = 0;
    for (int r = 0; r < rows; r++) {
      if (predictedClass(outputs, r) == predictedClass(targets, r)) {
        correct++;
      }
    }
    return (double) correct / rows;
  }

  /** The class of row r: argmax, or the 0.5 threshold for one column. */
  static int predictedClass(Tensor t, int r) {
    int cols = t.cols();
    double[] d = t.data();
    int offset = r * cols;
    if (cols == 1) {
      return d[offset] > 0.5 ? 1 : 0;
    }
    // torch.argmax: the first largest, a NaN counting as larger than any number
    int best = 0;
    for (int c = 1; c < cols && !Double.isNaN(d[offset + best]); c++) {
      if (d[offset + c] > d[offset + best] || Double.isNaN(d[offset + c])) {
        best = c;
      }
    }
    return best;
  }

  static void check(Tensor outputs, Tensor targets) {
    if (outputs.shape().rank() != 2 || !outputs.shape().equals(targets.shape())) {
      throw new ShapeMismatchException(
          "metrics: outputs have shape " + outputs.shape() + " but targets have shape "
              + targets.shape() + "; expected both [rows, outputs]",
          targets.shape().toString(), outputs.shape().toString());
    }
    if (outputs.rows() == 0) {
      throw new IllegalArgumentException("metrics: no rows");
    }
  }
}
