package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class ScalerTest {
  /** 50 rows of 3 columns with different means and spreads. */
  private static Tensor sample() {
    MersenneTwister rng = new MersenneTwister(5);
    Tensor t = Tensor.zeros(50, 3);
    for (int r = 0; r < 50; r++) {
      t.set(r, 0, 1000 + 3 * rng.nextGaussian());
      t.set(r, 1, -0.001 * rng.nextDouble());
      t.set(r, 2, 40 * rng.nextGaussian());
    }
    return t;
  }

  private static DescriptiveStatistics column(Tensor t, int c) {
    DescriptiveStatistics s = new DescriptiveStatistics();
    for (int r = 0; r < t.rows(); r++) {
      s.addValue(t.get(r, c));
    }
    return s;
  }

  @Test
  void standard_fitsMeanAndPopulationStd_asCommonsMath() {
    Tensor x = sample();
    Scaler scaler = Scaler.standard(x);
    for (int c = 0; c < 3; c++) {
      DescriptiveStatistics oracle = column(x, c);
      double std = Math.sqrt(oracle.getPopulationVariance());
      assertEquals(oracle.getMean(), scaler.offset()[c], 1e-12 * Math.abs(oracle.getMean()));
      assertEquals(std, scaler.scale()[c], 1e-10 * std);
    }
  }

  @Test
  void standard_transformedColumns_haveMeanZeroAndUnitPopulationStd() {
    Tensor x = sample();
    Tensor z = Scaler.standard(x).transform(x);
    for (int c = 0; c < 3; c++) {
      DescriptiveStatistics s = column(z, c);
      assertEquals(0, s.getMean(), 1e-12);
      assertEquals(1, s.getPopulationVariance(), 1e-12);
    }
  }

  @Test
  void standard_constantColumn_mapsToExactZero() {
    // The mean of three 0.1s is not exactly 0.1, so a computed std would be ~1e-17, not 0.
    Tensor x = Tensor.of(new double[][] {{0.1, 1}, {0.1, 2}, {0.1, 3}});
    Scaler scaler = Scaler.standard(x);
    assertEquals(1.0, scaler.scale()[0]);
    Tensor z = scaler.transform(x);
    assertArrayEquals(new double[] {0, 0, 0}, new double[] {z.get(0, 0), z.get(1, 0), z.get(2, 0)});
    assertEquals(-1, z.firstNonFinite());
  }

  @Test
  void minMax_mapsTrainingRangeToUnitInterval() {
    Tensor x = Tensor.of(new double[][] {{2, -5, 7}, {4, 5, 7}, {3, 0, 7}});
    Scaler scaler = Scaler.minMax(x);
    assertArrayEquals(new double[] {2, -5, 7}, scaler.offset());
    assertArrayEquals(new double[] {2, 10, 1}, scaler.scale());
    Tensor z = scaler.transform(x);
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 0.5, 0.5, 0}, z.data(), 0);
  }

  @Test
  void transform_otherData_usesTrainingStatistics_andLeavesArgumentAlone() {
    Scaler scaler = Scaler.minMax(Tensor.of(new double[][] {{0}, {10}}));
    Tensor test = Tensor.of(new double[][] {{5}, {20}, {-10}});
    Tensor copy = test.copy();
    Tensor z = scaler.transform(test);
    assertNotSame(test, z);
    assertEquals(copy, test);
    assertArrayEquals(new double[] {0.5, 2, -1}, z.data(), 0);
  }

  @Test
  void inverseTransform_undoesTransform() {
    Tensor x = sample();
    Scaler scaler = Scaler.standard(x);
    Tensor back = scaler.inverseTransform(scaler.transform(x));
    assertArrayEquals(x.data(), back.data(), 1e-9);
  }

  @Test
  void of_restoresSavedScaler() {
    Scaler fitted = Scaler.standard(sample());
    Scaler restored = Scaler.of(fitted.offset(), fitted.scale());
    assertEquals(fitted, restored);
    assertEquals(fitted.hashCode(), restored.hashCode());
    assertEquals(3, restored.columns());
  }

  @Test
  void accessors_returnCopies() {
    Scaler scaler = Scaler.minMax(Tensor.of(new double[][] {{0}, {10}}));
    scaler.offset()[0] = 99;
    scaler.scale()[0] = 99;
    assertArrayEquals(new double[] {0}, scaler.offset());
    assertArrayEquals(new double[] {10}, scaler.scale());
  }

  @Test
  void toString_showsParameters() {
    assertEquals(
        "Scaler[offset=[0.0], scale=[10.0]]",
        Scaler.minMax(Tensor.of(new double[][] {{0}, {10}})).toString());
  }

  @Test
  void transform_wrongColumnCount_isShapeMismatchNamingBoth() {
    Scaler scaler = Scaler.standard(sample());
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> scaler.transform(Tensor.zeros(5, 4)));
    assertEquals("[rows, 3]", e.expected());
    assertEquals("[5, 4]", e.actual());
    assertEquals(
        "Scaler.transform: input has shape [5, 4] but this scaler was fitted on 3 columns,"
            + " so it expects [rows, 3]",
        e.getMessage());
    assertThrows(ShapeMismatchException.class, () -> scaler.inverseTransform(Tensor.zeros(1, 2)));
  }

  @Test
  void fit_noRows_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scaler.standard(Tensor.zeros(0, 3)));
    assertEquals(
        "Scaler.standard: training data has shape [0, 3]; need at least one row to fit",
        e.getMessage());
  }

  @Test
  void fit_nonFiniteValue_messageGivesValueRowAndColumn() {
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, Double.NaN}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scaler.minMax(x));
    assertEquals(
        "Scaler.minMax: training data holds NaN at row 1, column 1;"
            + " remove or impute non-finite values before fitting",
        e.getMessage());
  }

  @Test
  void fit_rangeOverflowingDouble_rejected() {
    Tensor x = Tensor.of(new double[][] {{-1e308}, {1e308}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scaler.minMax(x));
    assertEquals(
        "Scaler.minMax: column 0 spreads too widely to scale in double precision"
            + " (offset -1.0E308, scale Infinity)",
        e.getMessage());
  }

  @Test
  void of_badParameters_rejectedWithValue() {
    assertEquals(
        "Scaler.of: offset has 2 values but scale has 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> Scaler.of(new double[] {0, 0}, new double[] {1}))
            .getMessage());
    assertEquals(
        "Scaler.of: scale[1] must be finite and non-zero, got 0.0",
        assertThrows(
                IllegalArgumentException.class,
                () -> Scaler.of(new double[] {0, 0}, new double[] {1, 0}))
            .getMessage());
    assertEquals(
        "Scaler.of: offset[0] must be finite, got NaN",
        assertThrows(
                IllegalArgumentException.class,
                () -> Scaler.of(new double[] {Double.NaN}, new double[] {1}))
            .getMessage());
  }
}
