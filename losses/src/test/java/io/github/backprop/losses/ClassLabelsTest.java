package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassLabelsTest {
  @Test
  void oneHot_classIndices_givesOneHotRows() {
    Tensor y = ClassLabels.oneHot(Tensor.of(new double[][] {{2}, {0}, {1}, {2}}), 3);
    assertEquals(Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), y);
  }

  @Test
  void oneHot_leavesTheLabelsUnchanged() {
    Tensor labels = Tensor.of(new double[][] {{1}, {0}});
    ClassLabels.oneHot(labels, 2);
    assertEquals(Tensor.of(new double[][] {{1}, {0}}), labels);
  }

  @ParameterizedTest
  @ValueSource(doubles = {3, -1, 1.5, Double.NaN, 1e10})
  void oneHot_labelNotAClassIndex_throwsNamingRowAndValue(double bad) {
    Tensor labels = Tensor.of(new double[][] {{0}, {2}, {bad}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClassLabels.oneHot(labels, 3));
    assertEquals("class labels: row 2 holds " + bad + ", but a class index must be a whole"
        + " number from 0 to 2 (3 classes)", e.getMessage());
  }

  @Test
  void oneHot_moreThanOneColumn_throwsNamingTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassLabels.oneHot(Tensor.of(new double[][] {{0, 1}}), 2));
    assertEquals("class labels: expected one column of class indices, shape [rows, 1], got"
        + " shape [1, 2]", e.getMessage());
  }

  @Test
  void oneHot_noClasses_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassLabels.oneHot(Tensor.of(new double[][] {{0}}), 0));
    assertEquals("class labels: the number of classes must be at least 1, got 0",
        e.getMessage());
  }
}
