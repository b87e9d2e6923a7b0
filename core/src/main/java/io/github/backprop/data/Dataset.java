package io.github.backprop.data;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import java.util.Objects;

/**
 * Examples paired row by row with what the network should produce for them: row {@code i} of
 * {@link #inputs()} is one example and row {@code i} of {@link #targets()} is its target.
 *
 * <p>Use it to hand a training or test set around as one value; {@link Splits} divides one,
 * {@link Scaler} rescales its inputs, and {@link CsvReader}, {@link IdxReader} and
 * {@link Synthetic} produce them.
 *
 * <pre>{@code
 * Dataset xor = Dataset.of(
 *     new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
 *     new double[][] {{0}, {1}, {1}, {0}});
 * xor.size();          // 4
 * xor.slice(0, 2);     // the first two rows, copied
 * }</pre>
 *
 * <p>Contract: {@code inputs} has shape [n, features] and {@code targets} shape [n, outputs],
 * with the same n. The record holds the tensors it was given, not copies (tensors are mutable
 * buffers); {@link #rows(int[])} and {@link #slice(int, int)} return copies. Not thread-safe if
 * anyone writes to the tensors.
 *
 * @param inputs the examples, shape [n, features]
 * @param targets the targets, shape [n, outputs]
 */
public record Dataset(Tensor inputs, Tensor targets) {

  /**
   * @throws NullPointerException if either tensor is null
   * @throws ShapeMismatchException if either tensor is not a matrix (rank 2)
   * @throws IllegalArgumentException if the row counts differ
   */
  public Dataset {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(targets, "targets");
    requireMatrix("inputs", "[n, features]", inputs);
    requireMatrix("targets", "[n, outputs]", targets);
    if (inputs.rows() != targets.rows()) {
      throw new IllegalArgumentException(
          "dataset: inputs have " + inputs.rows() + " rows but targets have " + targets.rows());
    }
  }

  /**
   * A dataset holding copies of the given rows.
   *
   * @param inputs one array per example, each of the same length (features)
   * @param targets one array per example, each of the same length (outputs)
   * @throws IllegalArgumentException if the counts differ or the rows of either are ragged
   */
  public static Dataset of(double[][] inputs, double[][] targets) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(targets, "targets");
    return new Dataset(Tensor.of(inputs), Tensor.of(targets));
  }

  private static void requireMatrix(String name, String expected, Tensor t) {
    if (t.shape().rank() != 2) {
      throw new ShapeMismatchException(
          "dataset: " + name + " have shape " + t.shape() + " but a dataset needs " + expected
              + "; give a column of n values the shape [n, 1]",
          expected, t.shape().toString());
    }
  }

  /** The number of examples, n. */
  public int size() {
    return inputs.rows();
  }

  /** The number of input features: the second dimension of {@link #inputs()}. */
  public int inputWidth() {
    return inputs.cols();
  }

  /** The number of target columns: the second dimension of {@link #targets()}. */
  public int targetWidth() {
    return targets.cols();
  }

  /**
   * A new dataset holding copies of the given rows, in the order given (repeats allowed).
   *
   * @param indices row numbers, each in [0, size())
   * @return a dataset of {@code indices.length} rows
   * @throws IndexOutOfBoundsException if an index is outside [0, size()), naming it
   */
  public Dataset rows(int[] indices) {
    Objects.requireNonNull(indices, "indices");
    int n = size();
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= n) {
        throw new IndexOutOfBoundsException(
            "dataset.rows: indices[" + i + "] = " + indices[i] + " is outside [0, " + n + ")");
      }
    }
    return new Dataset(gather(inputs, indices), gather(targets, indices));
  }

  /**
   * A new dataset holding copies of rows {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @return a dataset of {@code to - from} rows
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   */
  public Dataset slice(int from, int to) {
    int n = size();
    if (from < 0 || from > to || to > n) {
      throw new IndexOutOfBoundsException(
          "dataset.slice: from=" + from + ", to=" + to + " does not fit a dataset of " + n
              + " rows; need 0 <= from <= to <= " + n);
    }
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return new Dataset(gather(inputs, indices), gather(targets, indices));
  }

  private static Tensor gather(Tensor source, int[] indices) {
    int cols = source.cols();
    double[] from = source.data();
    double[] to = new double[indices.length * cols];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(from, indices[i] * cols, to, i * cols, cols);
    }
    return Tensor.wrap(to, indices.length, cols);
  }
}
