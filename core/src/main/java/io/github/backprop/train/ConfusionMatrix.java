package io.github.backprop.train;

import io.github.backprop.tensor.Tensor;

/**
 * Counts of (true class, predicted class) pairs over a data set, with classes read as
 * {@link Metrics} reads them: k classes for k outputs, or 2 for a single sigmoid output.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(network.predict(test.inputs()), test.targets());
 * cm.count(2, 1);   // rows of class 2 predicted as class 1
 * System.out.println(cm);
 * }</pre>
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /**
   * @throws io.github.backprop.tensor.ShapeMismatchException if the shapes differ
   * @throws IllegalArgumentException if there are no rows
   */
  public static ConfusionMatrix of(Tensor outputs, Tensor targets) {
    Metrics.check(outputs, targets);
    int classes = outputs.cols() == 1 ? 2 : outputs.cols();
    long[][] counts = new long[classes][classes];
    for (int r = 0; r < outputs.rows(); r++) {
      counts[Metrics.predictedClass(targets, r)][Metrics.predictedClass(outputs, r)]++;
    }
    return new ConfusionMatrix(counts);
  }

  public int classes() {
    return counts.length;
  }

  /** Rows whose true class is {@code actual} and predicted class {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  public long total() {
    long sum = 0;
    for (long[] row : counts) {
      for (long c : row) {
        sum += c;
      }
    }
    return sum;
  }

  /** The diagonal's share of the total. */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total();
  }

  /** Of the rows predicted as class c, the share that are c; NaN if none were predicted c. */
  public double precision(int c) {
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[c];
    }
    return (double) counts[c][c] / predicted;
  }

  /** Of the rows whose true class is c, the share predicted as c; NaN if there are none. */
  public double recall(int c) {
    long actual = 0;
    for (long n : counts[c]) {
      actual += n;
    }
    return (double) counts[c][c] / actual;
  }

  /** A table: one row per true class, one column per predicted class. */
  @Override
  public String toString() {
    int width = 9;
    for (long[] row : counts) {
      for (long c : row) {
        width = Math.max(width, Long.toString(c).length() + 1);
      }
    }
    StringBuilder sb = new StringBuilder(String.format("%-" + width + "s", "true\\pred"));
    for (int c = 0; c < counts.length; c++) {
      sb.append(String.format("%" + width + "d", c));
    }
    for (int a = 0; a < counts.length; a++) {
      sb.append('\n').append(String.format("%-" + width + "d", a));
      for (int p = 0; p < counts.length; p++) {
        sb.append(String.format("%" + width + "d", counts[a][p]));
      }
    }
    return sb.toString();
  }
}
