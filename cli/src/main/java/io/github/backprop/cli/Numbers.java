package io.github.backprop.cli;

import io.github.backprop.tensor.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers for people to read (trace and graph output): rounded to a few significant digits,
 * and long vectors and matrices cut short. JSON output never goes through here; it prints every
 * double exactly.
 */
final class Numbers {
  private Numbers() {}

  /** {@code value} rounded to {@code digits} significant digits, without trailing zeros. */
  static String format(double value, int digits) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    return exponent >= -5 && exponent < 10 ? rounded.toPlainString() : rounded.toString();
  }

  /**
   * Values {@code [from, from + count)} of {@code data} as {@code [1, 2, 3]}, or, past
   * {@code max} values, the first {@code max} then {@code ... (n values)}.
   */
  static String vector(double[] data, int from, int count, int max, int digits) {
    StringBuilder sb = new StringBuilder("[");
    int shown = Math.min(count, max);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(format(data[from + i], digits));
    }
    if (shown < count) {
      sb.append(", ... (").append(count).append(" values)");
    }
    return sb.append(']').toString();
  }

  /** Row {@code r} of a matrix. */
  static String row(Tensor t, int r, int max, int digits) {
    return vector(t.data(), r * t.cols(), t.cols(), max, digits);
  }

  /** A vector, or a matrix as its rows, at most {@code maxRows} of them. */
  static String tensor(Tensor t, int maxRows, int max, int digits) {
    if (t.shape().rank() == 1) {
      return vector(t.data(), 0, t.size(), max, digits);
    }
    StringBuilder sb = new StringBuilder("[");
    int shown = Math.min(t.rows(), maxRows);
    for (int r = 0; r < shown; r++) {
      sb.append(r == 0 ? "" : ", ").append(row(t, r, max, digits));
    }
    if (shown < t.rows()) {
      sb.append(", ... (").append(t.rows()).append(" rows)");
    }
    return sb.append(']').toString();
  }
}
