package io.github.backprop.tensor;

import java.util.Arrays;

/**
 * The dimensions of a {@link Tensor}, outermost first: {@code [batch, features]} for a batch of
 * rows, {@code [units, fanIn]} for a weight matrix, {@code [units]} for a bias.
 *
 * <p>Immutable. {@link #toString()} prints {@code [32, 784]}, as {@link Arrays#toString(int[])}.
 */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /**
   * @param dims the size of each dimension, outermost first; each at least 0
   * @throws IllegalArgumentException if a dimension is negative or there are none
   */
  public static Shape of(int... dims) {
    if (dims.length == 0) {
      throw new IllegalArgumentException("a shape needs at least one dimension");
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "dimension " + i + " of shape " + Arrays.toString(dims) + " is negative");
      }
    }
    return new Shape(dims.clone());
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  /** The number of elements: the product of the dimensions. */
  public int size() {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "shape " + this + " has more elements than an array holds");
    }
    return (int) size;
  }

  /** Rows when read as a matrix: the first dimension, or 1 for a vector. */
  public int rows() {
    return dims.length == 1 ? 1 : dims[0];
  }

  /** Columns when read as a matrix: the product of every dimension but the first. */
  public int cols() {
    if (dims.length == 1) {
      return dims[0];
    }
    int cols = 1;
    for (int i = 1; i < dims.length; i++) {
      cols *= dims[i];
    }
    return cols;
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape other && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
