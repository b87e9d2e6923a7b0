package io.github.backprop.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void of_rows_storesRowMajor() {
    Tensor t = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertEquals(Shape.of(2, 3), t.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.data());
    assertEquals(6.0, t.get(1, 2));
    assertArrayEquals(new double[] {4, 5, 6}, t.row(1));
  }

  @Test
  void of_raggedRows_namesTheRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.of(new double[][] {{1, 2}, {3}}));
    assertEquals("row 1 has 1 values, expected 2 as row 0 has", e.getMessage());
  }

  @Test
  void get_outside_namesIndexAndShape() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> Tensor.zeros(2, 2).get(2, 0));
    assertEquals("(2, 0) is outside a tensor of shape [2, 2]", e.getMessage());
  }

  @Test
  void copy_isIndependent_andEqualUntilChanged() {
    Tensor t = Tensor.vector(1, 2);
    Tensor c = t.copy();
    assertEquals(t, c);
    c.set(0, 1, 9);
    assertNotEquals(t, c);
    assertEquals(2.0, t.get(1));
  }

  @Test
  void shape_vectorReadsAsOneRow_andPrintsLikeArrays() {
    Shape s = Shape.of(5);
    assertEquals(1, s.rows());
    assertEquals(5, s.cols());
    assertEquals("[32, 784]", Shape.of(32, 784).toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Shape.of(2, -1));
    assertEquals("dimension 1 of shape [2, -1] is negative", e.getMessage());
  }

  @Test
  void wrap_wrongLength_saysWhatTheShapeNeeds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.wrap(new double[5], 2, 3));
    assertEquals("shape [2, 3] needs 6 values, got 5", e.getMessage());
  }

  @Test
  void toString_elidesLargeTensors() {
    Tensor t = Tensor.zeros(10, 10);
    String s = t.toString();
    assertEquals(true, s.startsWith("Tensor[10, 10] [[0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0], "));
    assertEquals(true, s.contains("..., [0.0"));
  }
}
