package io.github.backprop.data;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A per-column affine rescaling, {@code (x - offset[c]) / scale[c]}, fitted on training data and
 * then applied unchanged to any data: training, test, and new inputs at prediction time.
 *
 * <p>Use it because gradient descent converges faster when features have similar ranges. Fit on
 * the training part only; fitting on the test part too would leak its statistics into training.
 *
 * <pre>{@code
 * Split split = Splits.stratified(data, 0.2, 42);
 * Scaler scaler = Scaler.standard(split.train().inputs());
 * Tensor trainX = scaler.transform(split.train().inputs());
 * Tensor testX = scaler.transform(split.test().inputs());
 * }</pre>
 *
 * <p>Contract: inputs of shape [rows, columns]; a scaler fitted on c columns transforms any
 * tensor with c columns and returns a new tensor of the same shape, leaving its argument
 * unchanged. Immutable and thread-safe. Save it by storing {@link #offset()} and {@link #scale()}
 * and restore it with {@link #of(double[], double[])}.
 *
 * <p>Math: {@link #standard} uses the column mean and population standard deviation,
 * {@code sqrt(sum((x - mean)^2) / n)}; {@link #minMax} uses the column minimum and the range
 * {@code max - min}. A constant column gets scale 1 and offset equal to its value, so it maps to
 * exactly 0 rather than to NaN.
 */
public final class Scaler {
  private final double[] offset;
  private final double[] scale;

  private Scaler(double[] offset, double[] scale) {
    this.offset = offset;
    this.scale = scale;
  }

  /**
   * Fits a standardizing scaler: each column of the result has mean 0 and population standard
   * deviation 1 on {@code train}.
   *
   * @param train the training inputs, shape [rows, columns], at least one row, all finite
   * @throws IllegalArgumentException if {@code train} has no rows or holds a non-finite value
   */
  public static Scaler standard(Tensor train) {
    checkFittable("Scaler.standard", train);
    int rows = train.rows();
    int cols = train.cols();
    double[] x = train.data();
    double[] offset = new double[cols];
    double[] scale = new double[cols];
    for (int c = 0; c < cols; c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int r = 0; r < rows; r++) {
        double v = x[r * cols + c];
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (min == max) {
        // Test for constancy directly: a computed std of a constant column can come out as
        // 1e-17 rather than 0 (the mean of 0.1, 0.1, 0.1 is not exactly 0.1), which would
        // blow rounding noise up to values near +-1.
        offset[c] = min;
        scale[c] = 1;
        continue;
      }
      double mean = sum / rows;
      // Second pass with the usual correction term, as Commons Math's Variance does.
      double squares = 0;
      double residual = 0;
      for (int r = 0; r < rows; r++) {
        double dev = x[r * cols + c] - mean;
        squares += dev * dev;
        residual += dev;
      }
      offset[c] = mean + residual / rows;
      scale[c] = Math.sqrt((squares - residual * residual / rows) / rows);
    }
    return checked("Scaler.standard", offset, scale);
  }

  /**
   * Fits a min-max scaler: each column of the result spans exactly [0, 1] on {@code train}
   * (values outside the training range map outside [0, 1]).
   *
   * @param train the training inputs, shape [rows, columns], at least one row, all finite
   * @throws IllegalArgumentException if {@code train} has no rows or holds a non-finite value
   */
  public static Scaler minMax(Tensor train) {
    checkFittable("Scaler.minMax", train);
    int rows = train.rows();
    int cols = train.cols();
    double[] x = train.data();
    double[] offset = new double[cols];
    double[] scale = new double[cols];
    for (int c = 0; c < cols; c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < rows; r++) {
        double v = x[r * cols + c];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      offset[c] = min;
      scale[c] = max == min ? 1 : max - min;
    }
    return checked("Scaler.minMax", offset, scale);
  }

  /**
   * A scaler with the given parameters, for restoring a saved one.
   *
   * @param offset subtracted from each column, length columns, finite
   * @param scale then divides each column, length columns, finite and non-zero
   * @throws IllegalArgumentException if the lengths differ or a value is not allowed
   */
  public static Scaler of(double[] offset, double[] scale) {
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(scale, "scale");
    if (offset.length != scale.length) {
      throw new IllegalArgumentException(
          "Scaler.of: offset has " + offset.length + " values but scale has " + scale.length);
    }
    for (int c = 0; c < offset.length; c++) {
      if (!Double.isFinite(offset[c])) {
        throw new IllegalArgumentException(
            "Scaler.of: offset[" + c + "] must be finite, got " + offset[c]);
      }
      if (!Double.isFinite(scale[c]) || scale[c] == 0) {
        throw new IllegalArgumentException(
            "Scaler.of: scale[" + c + "] must be finite and non-zero, got " + scale[c]);
      }
    }
    return new Scaler(offset.clone(), scale.clone());
  }

  /**
   * Applies {@code (x - offset[c]) / scale[c]} to each column.
   *
   * @param x data, shape [rows, columns] with the column count this scaler was fitted on
   * @return a new tensor of x's shape; x is unchanged
   * @throws ShapeMismatchException if x has a different number of columns
   */
  public Tensor transform(Tensor x) {
    checkColumns("transform", x);
    double[] in = x.data();
    Tensor result = Tensor.zeros(x.shape());
    double[] out = result.data();
    int cols = offset.length;
    for (int i = 0; i < in.length; i++) {
      int c = i % cols;
      out[i] = (in[i] - offset[c]) / scale[c];
    }
    return result;
  }

  /**
   * Undoes {@link #transform}: {@code y * scale[c] + offset[c]}, for example to report a scaled
   * regression prediction in the original units.
   *
   * @param y scaled data, shape [rows, columns] with the column count this scaler was fitted on
   * @return a new tensor of y's shape; y is unchanged
   * @throws ShapeMismatchException if y has a different number of columns
   */
  public Tensor inverseTransform(Tensor y) {
    checkColumns("inverseTransform", y);
    double[] in = y.data();
    Tensor result = Tensor.zeros(y.shape());
    double[] out = result.data();
    int cols = offset.length;
    for (int i = 0; i < in.length; i++) {
      int c = i % cols;
      out[i] = in[i] * scale[c] + offset[c];
    }
    return result;
  }

  /** The number of columns this scaler was fitted on. */
  public int columns() {
    return offset.length;
  }

  /** What is subtracted from each column (the mean or minimum), copied; length columns. */
  public double[] offset() {
    return offset.clone();
  }

  /** What each column is then divided by (the std or range), copied; length columns. */
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scaler other
        && Arrays.equals(offset, other.offset)
        && Arrays.equals(scale, other.scale);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return "Scaler[offset=" + Arrays.toString(offset) + ", scale=" + Arrays.toString(scale) + "]";
  }

  private void checkColumns(String method, Tensor x) {
    Objects.requireNonNull(x, "x");
    if (x.cols() != offset.length) {
      String expected = "[rows, " + offset.length + "]";
      throw new ShapeMismatchException(
          "Scaler." + method + ": input has shape " + x.shape() + " but this scaler was fitted on "
              + offset.length + " columns, so it expects " + expected,
          expected, x.shape().toString());
    }
  }

  private static void checkFittable(String where, Tensor train) {
    Objects.requireNonNull(train, "train");
    if (train.shape().rank() != 2) {
      throw new ShapeMismatchException(
          where + ": training data has shape " + train.shape() + " but needs [rows, columns]",
          "[rows, columns]", train.shape().toString());
    }
    if (train.rows() == 0) {
      throw new IllegalArgumentException(
          where + ": training data has shape " + train.shape() + "; need at least one row to fit");
    }
    int bad = train.firstNonFinite();
    if (bad >= 0) {
      int cols = train.cols();
      throw new IllegalArgumentException(
          where + ": training data holds " + train.data()[bad] + " at row " + bad / cols
              + ", column " + bad % cols + "; remove or impute non-finite values before fitting");
    }
  }

  private static Scaler checked(String where, double[] offset, double[] scale) {
    for (int c = 0; c < scale.length; c++) {
      // Finite inputs can still overflow: the range of -1e308 and 1e308 is infinite.
      if (!Double.isFinite(scale[c]) || !Double.isFinite(offset[c])) {
        throw new IllegalArgumentException(
            where + ": column " + c + " spreads too widely to scale in double precision (offset "
                + offset[c] + ", scale " + scale[c] + ")");
      }
    }
    return new Scaler(offset, scale);
  }
}
