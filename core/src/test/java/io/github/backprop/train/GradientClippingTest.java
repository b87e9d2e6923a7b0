package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
  private static Parameter withGradient(String name, double... grad) {
    Parameter p = new Parameter(name, Tensor.zeros(grad.length));
    System.arraycopy(grad, 0, p.grad().data(), 0, grad.length);
    return p;
  }

  @Test
  void clipByNorm_totalNormAboveMax_scalesEveryGradientByMaxOverNormPlusEpsilon() {
    Parameter a = withGradient("a", 3, 0);
    Parameter b = withGradient("b", 0, -4);

    double total = GradientClipping.clipByNorm(List.of(a, b), 1.0);

    assertEquals(5.0, total);
    double c = 1.0 / (5.0 + 1e-6);
    assertArrayEquals(new double[] {3 * c, 0}, a.grad().data(), 1e-16);
    assertArrayEquals(new double[] {0, -4 * c}, b.grad().data(), 1e-16);
  }

  @Test
  void clipByNorm_totalNormBelowMax_leavesGradientsAlone() {
    Parameter a = withGradient("a", 0.3, 0.4);

    double total = GradientClipping.clipByNorm(List.of(a), 1.0);

    assertEquals(0.5, total, 1e-16);
    assertArrayEquals(new double[] {0.3, 0.4}, a.grad().data());
  }

  @Test
  void clipByNorm_zeroGradient_staysZero() {
    Parameter a = withGradient("a", 0, 0);
    assertEquals(0.0, GradientClipping.clipByNorm(List.of(a), 1.0));
    assertArrayEquals(new double[] {0, 0}, a.grad().data());
  }

  @Test
  void clipByNorm_nanGradient_makesEveryGradientNaN_asTorchsClampedFactorDoes() {
    // torch: total_norm = NaN, clamp(max_norm / (NaN + 1e-6), max=1) = NaN, grads *= NaN
    Parameter a = withGradient("a", 3, 4);
    Parameter b = withGradient("b", Double.NaN);
    assertEquals(Double.NaN, GradientClipping.clipByNorm(List.of(a, b), 100));
    assertArrayEquals(new double[] {Double.NaN, Double.NaN}, a.grad().data());
  }

  @Test
  void clipByValue_clampsEachElementIntoTheRange() {
    Parameter a = withGradient("a", -3, -0.5, 0.5, 3);

    GradientClipping.clipByValue(List.of(a), 1.0);

    assertArrayEquals(new double[] {-1, -0.5, 0.5, 1}, a.grad().data());
  }

  @Test
  void clip_nonPositiveLimit_rejected() {
    assertEquals("gradient clipping: maxNorm must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> GradientClipping.clipByNorm(List.of(), 0)).getMessage());
    assertEquals("gradient clipping: clipValue must be positive and finite, got -1.0",
        assertThrows(IllegalArgumentException.class,
            () -> GradientClipping.clipByValue(List.of(), -1)).getMessage());
  }
}
