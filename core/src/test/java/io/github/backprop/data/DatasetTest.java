package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** Five rows; input row i is [i, 10 i], target row i is [-i]. */
  private static Dataset five() {
    double[][] x = new double[5][];
    double[][] y = new double[5][];
    for (int i = 0; i < 5; i++) {
      x[i] = new double[] {i, 10 * i};
      y[i] = new double[] {-i};
    }
    return Dataset.of(x, y);
  }

  @Test
  void of_copiesRowsIntoMatrices() {
    double[][] x = {{1, 2, 3}, {4, 5, 6}};
    Dataset d = Dataset.of(x, new double[][] {{1}, {0}});
    x[0][0] = 99;
    assertEquals(2, d.size());
    assertEquals(3, d.inputWidth());
    assertEquals(1, d.targetWidth());
    assertEquals(1.0, d.inputs().get(0, 0));
  }

  @Test
  void constructor_rowCountsDiffer_messageGivesBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Dataset(Tensor.zeros(150, 4), Tensor.zeros(149, 3)));
    assertEquals("dataset: inputs have 150 rows but targets have 149", e.getMessage());
  }

  @Test
  void constructor_null_namesTheComponent() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new Dataset(Tensor.zeros(1, 1), null));
    assertEquals("targets", e.getMessage());
  }

  @Test
  void constructor_vector_isShapeMismatchWithExpectedAndActual() {
    ShapeMismatchException e =
        assertThrows(
            ShapeMismatchException.class,
            () -> new Dataset(Tensor.vector(1, 2, 3), Tensor.zeros(3, 1)));
    assertEquals("[n, features]", e.expected());
    assertEquals("[3]", e.actual());
    assertEquals(
        "dataset: inputs have shape [3] but a dataset needs [n, features];"
            + " give a column of n values the shape [n, 1]",
        e.getMessage());
  }

  @Test
  void of_raggedRows_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[][] {{1}, {2}}));
  }

  @Test
  void rows_copiesChosenRowsInGivenOrder() {
    Dataset d = five();
    Dataset picked = d.rows(new int[] {3, 0, 3});
    assertEquals(3, picked.size());
    assertArrayEquals(new double[] {3, 30, 0, 0, 3, 30}, picked.inputs().data());
    assertArrayEquals(new double[] {-3, 0, -3}, picked.targets().data());
    picked.inputs().set(0, 0, 99);
    assertEquals(3.0, d.inputs().get(3, 0), "the subset must be a copy");
  }

  @Test
  void rows_empty_givesZeroRowsOfSameWidth() {
    Dataset none = five().rows(new int[0]);
    assertEquals(0, none.size());
    assertEquals(2, none.inputWidth());
    assertEquals(1, none.targetWidth());
  }

  @Test
  void rows_indexOutOfRange_messageNamesPositionAndRange() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> five().rows(new int[] {0, 9}));
    assertEquals("dataset.rows: indices[1] = 9 is outside [0, 5)", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> five().rows(new int[] {-1}));
  }

  @Test
  void slice_copiesHalfOpenRange() {
    Dataset d = five();
    Dataset s = d.slice(1, 3);
    assertEquals(2, s.size());
    assertArrayEquals(new double[] {1, 10, 2, 20}, s.inputs().data());
    assertArrayEquals(new double[] {-1, -2}, s.targets().data());
    s.targets().set(0, 0, 99);
    assertEquals(-1.0, d.targets().get(1, 0));
    assertEquals(0, d.slice(5, 5).size());
    assertEquals(d, d.slice(0, 5));
  }

  @Test
  void slice_outOfRange_messageGivesBoundsAndSize() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> five().slice(3, 10));
    assertEquals(
        "dataset.slice: from=3, to=10 does not fit a dataset of 5 rows;"
            + " need 0 <= from <= to <= 5",
        e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> five().slice(3, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> five().slice(-1, 2));
  }
}
