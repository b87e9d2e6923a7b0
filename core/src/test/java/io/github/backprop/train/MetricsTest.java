package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Tensor OUTPUTS = Tensor.of(new double[][] {
      {0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}, {0.5, 0.5, 0.0}, {0.2, 0.2, 0.6}});
  private static final Tensor TARGETS = Tensor.of(new double[][] {
      {1, 0, 0}, {0, 0, 1}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}});

  @Test
  void accuracy_multiClass_comparesArgmaxesWithFirstMaximumOnTies() {
    // predicted 0, 1, 2, 0 (tie: first), 2; true 0, 2, 2, 1, 2 -> 3 of 5
    assertEquals(0.6, Metrics.accuracy(OUTPUTS, TARGETS));
  }

  @Test
  void accuracy_nanOutput_isTheArgmax_asInTorch() {
    // torch.argmax([1, nan, 0]) = 1 and torch.argmax([nan, 5, nan]) = 0: a NaN wins, the first
    // NaN on ties
    Tensor outputs = Tensor.of(new double[][] {{1, Double.NaN, 0}, {Double.NaN, 5, Double.NaN}});
    assertEquals(1.0, Metrics.accuracy(outputs, Tensor.of(new double[][] {{0, 1, 0}, {1, 0, 0}})));
  }

  @Test
  void accuracy_singleOutput_thresholdsAtOneHalf() {
    Tensor outputs = Tensor.of(new double[][] {{0.9}, {0.5}, {0.51}, {0.1}});
    Tensor targets = Tensor.of(new double[][] {{1}, {1}, {0}, {0}});
    // predicted 1, 0 (0.5 is not above), 1, 0 -> right, wrong, wrong, right
    assertEquals(0.5, Metrics.accuracy(outputs, targets));
  }

  @Test
  void accuracyMetric_isNamedAccuracyAndComputesIt() {
    Metric m = Metrics.accuracy();
    assertEquals("accuracy", m.name());
    assertEquals(0.6, m.value(OUTPUTS, TARGETS));
  }

  @Test
  void accuracy_shapesDiffer_namesBothShapes() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> Metrics.accuracy(OUTPUTS, Tensor.zeros(5, 2)));
    assertEquals("metrics: outputs have shape [5, 3] but targets have shape [5, 2]; expected"
        + " both [rows, outputs]", e.getMessage());
  }

  @Test
  void confusionMatrix_multiClass_countsTrueByPredicted() {
    ConfusionMatrix cm = ConfusionMatrix.of(OUTPUTS, TARGETS);
    assertEquals(3, cm.classes());
    assertEquals(1, cm.count(0, 0));
    assertEquals(1, cm.count(1, 0));
    assertEquals(1, cm.count(2, 1));
    assertEquals(2, cm.count(2, 2));
    assertEquals(5, cm.total());
    assertEquals(0.6, cm.accuracy());
    assertEquals(0.5, cm.precision(0));
    assertEquals(2.0 / 3, cm.recall(2));
    assertEquals(0.0, cm.precision(1));
  }

  @Test
  void confusionMatrix_classNeverPredicted_precisionIsNaN() {
    ConfusionMatrix cm = ConfusionMatrix.of(Tensor.of(new double[][] {{0.9}, {0.8}}),
        Tensor.of(new double[][] {{1}, {0}}));
    assertEquals(Double.NaN, cm.precision(0));
    assertEquals(0.0, cm.recall(0));
  }

  @Test
  void confusionMatrix_singleOutput_hasTwoClasses() {
    ConfusionMatrix cm = ConfusionMatrix.of(Tensor.of(new double[][] {{0.9}, {0.2}, {0.7}}),
        Tensor.of(new double[][] {{1}, {1}, {0}}));
    assertEquals(2, cm.classes());
    assertEquals(1, cm.count(1, 1));
    assertEquals(1, cm.count(1, 0));
    assertEquals(1, cm.count(0, 1));
    assertEquals(0, cm.count(0, 0));
  }

  @Test
  void confusionMatrix_toString_isATableOfCounts() {
    ConfusionMatrix cm = ConfusionMatrix.of(OUTPUTS, TARGETS);
    assertEquals(String.join("\n",
        "true\\pred        0        1        2",
        "0                1        0        0",
        "1                1        0        0",
        "2                0        1        2"), cm.toString());
  }
}
