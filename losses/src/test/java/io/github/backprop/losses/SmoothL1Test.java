package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At beta = 0.5 the residuals fall on both sides of the switch from quadratic to linear. */
class SmoothL1Test implements LossContract {
  static final double BETA = 0.5;

  @Override
  public Loss loss() {
    return Losses.smoothL1(BETA);
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // torch SmoothL1Loss: 0.5 r^2 / beta if |r| < beta else |r| - beta / 2, mean over elements
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      double r = Math.abs(y[j] - a[j]);
      c += r < BETA ? 0.5 * r * r / BETA : r - 0.5 * BETA;
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - y[j];
      g[j] = (Math.abs(d) < BETA ? d / BETA : Math.signum(d)) / a.length;
    }
    return g;
  }

  @Test
  void default_betaIsOne() {
    assertEquals(Map.of("beta", 1.0), Losses.smoothL1().parameters());
    // r = 0.5 < 1: 0.5 * 0.25 / 1
    assertEquals(0.125, Losses.smoothL1().value(Tensor.of(new double[][] {{0}}),
        Tensor.of(new double[][] {{0.5}})));
  }

  @Test
  void betaZero_isMeanAbsoluteErrorWithFiniteGradient() {
    Tensor a = Tensor.of(new double[][] {{0.3, -1.2, 2.0}, {1.0, 0.1, -0.7}});
    Tensor y = Tensor.of(new double[][] {{0.7, 1.3, 0.3}, {1.0, -1.95, 0.2}});
    Loss l1 = Losses.smoothL1(0);
    assertEquals(Losses.mae().value(a, y), l1.value(a, y), 1e-15);
    Tensor expected = Tensor.zeros(a.shape());
    Losses.mae().gradient(a, y, expected);
    Tensor grad = Tensor.zeros(a.shape());
    l1.gradient(a, y, grad);
    assertEquals(expected, grad); // includes the element where a = y: 0, not 0 / 0
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_betaNegativeOrNotFinite_throwsNamingParameterAndValue(double beta) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Losses.smoothL1(beta));
    assertEquals("smooth_l1: parameter beta must be non-negative and finite, got " + beta,
        e.getMessage());
  }
}
