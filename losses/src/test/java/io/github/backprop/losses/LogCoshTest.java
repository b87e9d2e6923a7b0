package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogCoshTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.logCosh();
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // mean_j ln cosh(y_j - a_j), directly (fine at these residuals)
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += Math.log(Math.cosh(y[j] - a[j]));
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = Math.tanh(a[j] - y[j]) / a.length;
    }
    return g;
  }

  @ParameterizedTest
  @ValueSource(doubles = {25, 800, -800, 1e6, 1e300})
  void value_largeResiduals_isFiniteAndEqualsAbsMinusLn2(double r) {
    // ln cosh r = |r| - ln 2 + ln(1 + e^-2|r|), and e^-50 is below double precision next to |r|
    double value = loss().value(Tensor.of(new double[][] {{0}}), Tensor.of(new double[][] {{r}}));
    assertEquals(Math.abs(r) - Math.log(2), value, Math.ulp(Math.abs(r)) * 4);
    Tensor grad = Tensor.zeros(1, 1);
    loss().gradient(Tensor.of(new double[][] {{0}}), Tensor.of(new double[][] {{r}}), grad);
    assertEquals(-Math.signum(r), grad.get(0));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-9, 1e-5, 0.5, 19.999, 20, 20.001})
  void value_smallAndSwitchoverResiduals_matchesSeriesOrDirectFormula(double r) {
    double value = loss().value(Tensor.of(new double[][] {{0}}), Tensor.of(new double[][] {{r}}));
    // ln cosh r = r^2/2 - r^4/12 + r^6/45 - ... for small r; the direct formula elsewhere
    double expected = r < 1e-3 ? r * r / 2 - Math.pow(r, 4) / 12 : Math.log(Math.cosh(r));
    assertEquals(expected, value, 1e-14 * expected);
  }

  @Test
  void value_zeroResidual_isZero() {
    assertEquals(0.0, loss().value(Tensor.of(new double[][] {{1.5}}),
        Tensor.of(new double[][] {{1.5}})));
  }
}
