package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** At delta = 1.5 the residuals fall on both sides of the switch from quadratic to linear. */
class HuberTest implements LossContract {
  static final double DELTA = 1.5;

  @Override
  public Loss loss() {
    return Losses.huber(DELTA);
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // torch HuberLoss: 0.5 r^2 if |r| <= delta else delta (|r| - delta / 2), mean over elements
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      double r = Math.abs(y[j] - a[j]);
      c += r <= DELTA ? 0.5 * r * r : DELTA * (r - 0.5 * DELTA);
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - y[j];
      g[j] = (Math.abs(d) <= DELTA ? d : DELTA * Math.signum(d)) / a.length;
    }
    return g;
  }

  @Test
  void default_deltaIsOne() {
    assertEquals(Map.of("delta", 1.0), Losses.huber().parameters());
    // r = 3: 1 * (3 - 0.5) = 2.5
    assertEquals(2.5, Losses.huber().value(Tensor.of(new double[][] {{0}}),
        Tensor.of(new double[][] {{3}})));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_deltaNotPositiveAndFinite_throwsNamingParameterAndValue(double delta) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Losses.huber(delta));
    assertEquals("huber: parameter delta must be positive and finite, got " + delta,
        e.getMessage());
  }
}
