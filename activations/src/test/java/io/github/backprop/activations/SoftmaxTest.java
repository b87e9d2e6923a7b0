package io.github.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * softmax and log_softmax over rows: values against the textbook formula, backward (a
 * vector-Jacobian product) against Commons Math finite differences of g . f(z) for random
 * upstream g, and stability at logits of 1e4.
 */
class SoftmaxTest {
  static Stream<Activation> rowwise() {
    return Stream.of(Activations.softmax(), Activations.logSoftmax());
  }

  private static Tensor forward(Activation f, Tensor z) {
    Tensor a = Tensor.zeros(z.shape());
    f.forward(z, a);
    return a;
  }

  @Test
  void softmax_onRandomRows_isExpOverSumOfExp() {
    Tensor z = Tensor.wrap(new SplittableRandom(1).doubles(12, -5, 5).toArray(), 3, 4);
    Tensor a = forward(Activations.softmax(), z);
    for (int r = 0; r < 3; r++) {
      double sum = 0;
      for (int c = 0; c < 4; c++) {
        sum += Math.exp(z.get(r, c));
      }
      for (int c = 0; c < 4; c++) {
        assertEquals(Math.exp(z.get(r, c)) / sum, a.get(r, c), 1e-15);
      }
    }
  }

  @Test
  void logSoftmax_onRandomRows_isLogOfSoftmax() {
    Tensor z = Tensor.wrap(new SplittableRandom(2).doubles(12, -5, 5).toArray(), 3, 4);
    Tensor a = forward(Activations.logSoftmax(), z);
    for (int r = 0; r < 3; r++) {
      double sum = 0;
      for (int c = 0; c < 4; c++) {
        sum += Math.exp(z.get(r, c));
      }
      for (int c = 0; c < 4; c++) {
        assertEquals(z.get(r, c) - Math.log(sum), a.get(r, c), 1e-14);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowwise")
  void backward_withRandomUpstream_matchesFiniteDifferencesOfUpstreamDotOutput(Activation f) {
    SplittableRandom random = new SplittableRandom(7);
    int rows = 3;
    int cols = 5;
    for (int trial = 0; trial < 4; trial++) {
      Tensor z = Tensor.wrap(random.doubles(rows * cols, -4, 4).toArray(), rows, cols);
      Tensor g = Tensor.wrap(random.doubles(rows * cols, -2, 2).toArray(), rows, cols);
      Tensor a = forward(f, z);
      Tensor dz = Tensor.zeros(rows, cols);
      f.backward(z, a, g, dz);
      for (int i = 0; i < rows * cols; i++) {
        int element = i;
        UnivariateFunction along = t -> {
          Tensor moved = z.copy();
          moved.data()[element] += t;
          double[] out = forward(f, moved).data();
          double dot = 0;
          for (int j = 0; j < out.length; j++) {
            dot += g.get(j) * out[j];
          }
          return dot;
        };
        UnivariateDifferentiableFunction numeric =
            new FiniteDifferencesDifferentiator(5, 1e-3).differentiate(along);
        double fd = numeric.value(new DerivativeStructure(1, 1, 0, 0.0)).getPartialDerivative(1);
        assertEquals(fd, dz.get(element), 1e-9, f + " element " + element + " trial " + trial);
      }
    }
  }

  @Test
  void softmax_withLogitsOf1e4_isFiniteAndExact() {
    Tensor z = Tensor.of(new double[][] {{1e4, -1e4}, {1e4, 1e4}, {-1e4, -1e4 + Math.log(3)}});
    Tensor a = forward(Activations.softmax(), z);
    assertArrayEquals(new double[] {1, 0, 0.5, 0.5, 0.25, 0.75}, a.data(), 1e-12);
    Tensor dz = Tensor.zeros(3, 2);
    Activations.softmax().backward(z, a, Tensor.of(new double[][] {{1, 2}, {1, 2}, {1, 2}}), dz);
    // a_i (g_i - g . a): row 2 gives 0.5 (1 - 1.5) and 0.5 (2 - 1.5).
    assertArrayEquals(new double[] {0, 0, -0.25, 0.25, -0.1875, 0.1875}, dz.data(), 1e-12);
  }

  @Test
  void logSoftmax_withLogitsOf1e4_isFiniteAndExact() {
    Tensor z = Tensor.of(new double[][] {{1e4, -1e4}, {1e4, 1e4}});
    Tensor a = forward(Activations.logSoftmax(), z);
    assertArrayEquals(new double[] {0, -2e4, -Math.log(2), -Math.log(2)}, a.data(), 1e-12);
    Tensor dz = Tensor.zeros(2, 2);
    Activations.logSoftmax().backward(z, a, Tensor.of(new double[][] {{1, 2}, {1, 2}}), dz);
    // g_i - softmax_i sum g: row 1 gives 1 - 3 and 2 - 0; row 2 gives 1 - 1.5 and 2 - 1.5.
    assertArrayEquals(new double[] {-2, 2, -0.5, 0.5}, dz.data(), 1e-12);
    for (double v : dz.data()) {
      assertTrue(Double.isFinite(v));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowwise")
  void forward_withMismatchedOutput_namesTheActivationAndBothShapes(Activation f) {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> f.forward(Tensor.zeros(2, 3), Tensor.zeros(2, 4)));
    assertEquals(f.name() + " forward: tensors must share the shape [2, 3], got [2, 4]",
        e.getMessage());
  }
}
