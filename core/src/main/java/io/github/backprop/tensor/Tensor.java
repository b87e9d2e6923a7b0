package io.github.backprop.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense block of doubles in row-major order, with a {@link Shape}.
 *
 * <p>Tensors are mutable buffers, as in PyTorch: the engine allocates one per node and batch
 * size and reuses it for every batch, so the training loop does not allocate. Methods that change
 * a tensor end in {@code InPlace} or are plain setters; every other method leaves it unchanged.
 * Tensors handed to callers by the API ({@code Network.predict}, {@code Parameter.value()}
 * copies) are theirs to keep.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[][] {{0.05, 0.10}});   // shape [1, 2]
 * double first = x.get(0, 0);                              // 0.05
 * }</pre>
 *
 * <p>{@link #data()} is the live backing array; plug-ins read and write it in their loops, which
 * is why it is exposed. Not thread-safe.
 */
public final class Tensor {
  private final Shape shape;
  private final double[] data;

  private Tensor(Shape shape, double[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... dims) {
    Shape shape = Shape.of(dims);
    return new Tensor(shape, new double[shape.size()]);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new double[shape.size()]);
  }

  /**
   * A tensor over {@code data} itself (not a copy).
   *
   * @throws IllegalArgumentException if the length of {@code data} is not the shape's size
   */
  public static Tensor wrap(double[] data, int... dims) {
    Shape shape = Shape.of(dims);
    if (data.length != shape.size()) {
      throw new IllegalArgumentException(
          "shape " + shape + " needs " + shape.size() + " values, got " + data.length);
    }
    return new Tensor(shape, data);
  }

  /** A vector, shape {@code [n]}, holding a copy of {@code values}. */
  public static Tensor vector(double... values) {
    return new Tensor(Shape.of(values.length), values.clone());
  }

  /**
   * A matrix, shape {@code [rows.length, rows[0].length]}, holding a copy of {@code rows}.
   *
   * @throws IllegalArgumentException if the rows differ in length (naming the first that does)
   */
  public static Tensor of(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] data = new double[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " values, expected " + cols + " as row 0 has");
      }
      System.arraycopy(rows[r], 0, data, r * cols, cols);
    }
    return new Tensor(Shape.of(rows.length, cols), data);
  }

  public Shape shape() {
    return shape;
  }

  /** Rows when read as a matrix (1 for a vector). */
  public int rows() {
    return shape.rows();
  }

  /** Columns when read as a matrix (the length of a vector). */
  public int cols() {
    return shape.cols();
  }

  public int size() {
    return data.length;
  }

  /** The live backing array, row-major: element (r, c) is at {@code r * cols() + c}. */
  public double[] data() {
    return data;
  }

  public double get(int row, int col) {
    return data[index(row, col)];
  }

  public void set(int row, int col, double value) {
    data[index(row, col)] = value;
  }

  /** Element {@code i} of the row-major storage. */
  public double get(int i) {
    return data[i];
  }

  private int index(int row, int col) {
    int cols = cols();
    if (row < 0 || row >= rows() || col < 0 || col >= cols) {
      throw new IndexOutOfBoundsException(
          "(" + row + ", " + col + ") is outside a tensor of shape " + shape);
    }
    return row * cols + col;
  }

  /** A copy with its own storage. */
  public Tensor copy() {
    return new Tensor(shape, data.clone());
  }

  /** Copies {@code source}'s values into this tensor; the sizes must match. */
  public void copyFromInPlace(Tensor source) {
    if (source.data.length != data.length) {
      throw new ShapeMismatchException(
          "copy: source has shape " + source.shape + " but this tensor has shape " + shape,
          shape.toString(), source.shape.toString());
    }
    System.arraycopy(source.data, 0, data, 0, data.length);
  }

  /** Sets every element to {@code value}. */
  public void fillInPlace(double value) {
    Arrays.fill(data, value);
  }

  /** Row {@code r} as a new array. */
  public double[] row(int r) {
    int cols = cols();
    return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
  }

  /** The values as rows of a matrix, copied. */
  public double[][] toArray2d() {
    double[][] out = new double[rows()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = row(r);
    }
    return out;
  }

  /** The index of the first non-finite value, or -1 if all are finite. */
  public int firstNonFinite() {
    for (int i = 0; i < data.length; i++) {
      if (!Double.isFinite(data[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Equal shapes and bit-identical values ({@link Double#compare} semantics). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor other && shape.equals(other.shape)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(data);
  }

  /** The shape and the values, eliding the middle of large tensors. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor").append(shape).append(' ');
    int rows = rows();
    int cols = cols();
    sb.append('[');
    for (int r = 0; r < rows; r++) {
      if (rows > 6 && r == 3) {
        sb.append("..., ");
        r = rows - 3;
      }
      sb.append('[');
      for (int c = 0; c < cols; c++) {
        if (cols > 6 && c == 3) {
          sb.append("..., ");
          c = cols - 3;
        }
        sb.append(data[r * cols + c]);
        if (c < cols - 1) {
          sb.append(", ");
        }
      }
      sb.append(']');
      if (r < rows - 1) {
        sb.append(", ");
      }
    }
    return sb.append(']').toString();
  }
}
