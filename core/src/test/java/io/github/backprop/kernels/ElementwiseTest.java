package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementwiseTest {

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
