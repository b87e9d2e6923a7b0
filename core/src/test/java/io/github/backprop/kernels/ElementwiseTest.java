package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementwiseTest {

  @Test
  void allFinite_oneBadValueAnywhere_isFoundExactlyWhenItIsInTheRange() {
    // Every length up to a few vectors (tails included), one NaN or infinity at every position,
    // and ranges that start or end on either side of it: false exactly when it is inside.
    Random random = new Random(3);
    double[] bads = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double bad : bads) {
      for (int length = 1; length <= 41; length++) {
        double[] a = random.doubles(length, -1e300, 1e300).toArray();
        for (int at = 0; at < length; at++) {
          double[] withBad = a.clone();
          withBad[at] = bad;
          for (int from = 0; from <= length; from += 3) {
            for (int to = from; to <= length; to += 5) {
              boolean expected = !(from <= at && at < to);
              assertEquals(expected, Elementwise.allFinite(withBad, from, to),
                  bad + " at " + at + " of " + length + ", range [" + from + ", " + to + ")");
            }
          }
        }
      }
    }
  }

  @Test
  void allFinite_extremeFiniteValues_areFinite() {
    double[] a = new double[37];
    double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0,
        Double.MIN_NORMAL, 1e308, -1e-320};
    for (int i = 0; i < a.length; i++) {
      a[i] = extremes[i % extremes.length];
    }
    assertTrue(Elementwise.allFinite(a, 0, a.length));
    assertTrue(Elementwise.allFinite(a, 5, 5));
  }

  @Test
  void allFinite_rangeOutsideTheArray_isRefused() {
    double[] a = new double[8];
    assertThrows(IndexOutOfBoundsException.class, () -> Elementwise.allFinite(a, 0, 9));
    assertThrows(IndexOutOfBoundsException.class, () -> Elementwise.allFinite(a, 5, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> Elementwise.allFinite(a, -1, 3));
  }

  @Test
  void sumRows_exactValues_giveTheClosedFormColumnSums() {
    int rows = 9;
    int cols = 5;
    double[] m = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r * cols + c] = r + c / 8.0; // every partial sum is exact in binary
      }
    }
    double[] sums = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Elementwise.sumRows(m, rows, cols, sums, 0, cols, false);
    for (int c = 0; c < cols; c++) {
      assertEquals(rows * (rows - 1) / 2.0 + rows * c / 8.0, sums[c], "column " + c);
    }
    Elementwise.sumRows(m, rows, cols, sums, 0, cols, true);
    for (int c = 0; c < cols; c++) {
      assertEquals(2 * (rows * (rows - 1) / 2.0 + rows * c / 8.0), sums[c], "column " + c);
    }
  }

  @Test
  void sumRows_anyCutOfTheColumns_givesTheSameBitsAsTheWhole() {
    Random random = new Random(5);
    int rows = 64;
    int cols = 37;
    double[] m = random.doubles(rows * cols, -1, 1).toArray();
    for (boolean accumulate : new boolean[] {false, true}) {
      double[] start = random.doubles(cols).toArray();
      double[] whole = start.clone();
      Elementwise.sumRows(m, rows, cols, whole, 0, cols, accumulate);
      double[] cut = start.clone();
      Elementwise.sumRows(m, rows, cols, cut, 0, 11, accumulate);
      Elementwise.sumRows(m, rows, cols, cut, 11, 12, accumulate);
      Elementwise.sumRows(m, rows, cols, cut, 12, cols, accumulate);
      assertArrayEquals(whole, cut, "accumulate=" + accumulate);
    }
  }

  @Test
  void sumRows_negativeZeros_giveAPositiveZeroWhenOverwriting() {
    double[] m = {-0.0, -0.0};
    double[] sums = {Double.NaN};
    Elementwise.sumRows(m, 2, 1, sums, 0, 1, false);
    assertEquals(0, Double.compare(0.0, sums[0]), "+0.0, as zeroing then adding gives");
  }

  @Test
  void addRowInPlace_rowRanges_touchOnlyTheirRows() {
    double[] m = new double[4 * 3];
    double[] row = {1, 2, 3};
    Elementwise.addRowInPlace(m, 3, row, 1, 3);
    assertArrayEquals(new double[] {0, 0, 0, 1, 2, 3, 1, 2, 3, 0, 0, 0}, m);
    Elementwise.addRowInPlace(m, 3, row, 0, 4);
    assertArrayEquals(new double[] {1, 2, 3, 2, 4, 6, 2, 4, 6, 1, 2, 3}, m);
  }
}
