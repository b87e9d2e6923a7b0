package io.github.backprop.activations;

import static io.github.backprop.activations.ElementwiseActivationsTest.backward;
import static io.github.backprop.activations.ElementwiseActivationsTest.forward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Activation;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Exact gelu and its error function against Commons Math's {@link Erf} (an incomplete-gamma
 * evaluation, independent of the Chebyshev series used here), and its derivative against a
 * finite difference of that oracle. The tanh form is covered with the other element-wise
 * activations.
 */
class GeluTest {
  private static final double[] GRID = {
      -1e4, -1e3, -1e2, -40, -37, -30, -20, -10, -8, -6, -5, -4, -3, -2, -1.5, -1, -0.5, -0.1,
      -1e-3, -1e-190, 0, 1e-250, 1e-3, 0.1, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 20, 30, 1e2, 1e3,
      1e4};

  /** gelu as torch defines it, on Commons Math's erf. */
  private static double oracle(double x) {
    return 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
  }

  @Test
  void erfc_onADenseGrid_matchesCommonsMathWithinStatedError() {
    for (double x = -6; x <= 26; x += 0.01) {
      double expected = Erf.erfc(x);
      double error = Math.abs(Erfc.erfc(x) - expected) / expected;
      // (x^2 + 2) ulp from rounding x^2 before the exponential, as Erfc's javadoc states, plus
      // the oracle's own error (5e-15 near x = 1.18, where mpmath sides with Erfc).
      double bound = 1e-14 + (x * x + 2) * Math.ulp(1.0);
      assertTrue(error < bound, "erfc(" + x + ") = " + Erfc.erfc(x) + ", expected " + expected);
    }
  }

  @Test
  void erfc_atTheLimits_isTwoOrZero() {
    assertEquals(2.0, Erfc.erfc(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Erfc.erfc(Double.POSITIVE_INFINITY));
    assertEquals(2.0, Erfc.erfc(-1e4));
    assertEquals(0.0, Erfc.erfc(1e4));
    assertEquals(1.0, Erfc.erfc(0.0));
    assertTrue(Double.isNaN(Erfc.erfc(Double.NaN)));
  }

  @Test
  void forward_onGrid_matchesErfFormula() {
    double[] a = forward(Activations.gelu(), GRID);
    for (int i = 0; i < GRID.length; i++) {
      double expected = oracle(GRID[i]);
      assertEquals(expected, a[i], 1e-14 * Math.max(1, Math.abs(expected)),
          "gelu(" + GRID[i] + ")");
    }
  }

  @Test
  void forward_inTheLeftTail_keepsItsRelativeAccuracy() {
    // torch's 0.5 x (1 + erf) cancels to 0 below about -8.3; erfc keeps the digits.
    double[] x = {-10, -20, -30};
    double[] a = forward(Activations.gelu(), x);
    for (int i = 0; i < x.length; i++) {
      double expected = 0.5 * x[i] * Erf.erfc(-x[i] / Math.sqrt(2));
      assertEquals(expected, a[i], 1e-12 * Math.abs(expected), "gelu(" + x[i] + ")");
    }
  }

  @Test
  void backward_onGrid_matchesFiniteDifferenceOfErfFormula() {
    UnivariateDifferentiableFunction numeric = new FiniteDifferencesDifferentiator(7, 1e-3)
        .differentiate((UnivariateFunction) GeluTest::oracle);
    Activation gelu = Activations.gelu();
    double[] upstream = new double[GRID.length];
    java.util.Arrays.fill(upstream, 1.0);
    double[] dz = backward(gelu, GRID, upstream);
    for (int i = 0; i < GRID.length; i++) {
      double fd = numeric.value(new DerivativeStructure(1, 1, 0, GRID[i])).getPartialDerivative(1);
      assertEquals(fd, dz[i], 1e-9 * Math.max(1, Math.abs(fd)), "gelu'(" + GRID[i] + ")");
    }
  }

  @Test
  void backward_atZero_isOneHalf() {
    assertEquals(0.5, backward(Activations.gelu(), new double[] {0}, new double[] {1})[0]);
    assertEquals(0.5, backward(Activations.gelu("tanh"), new double[] {0}, new double[] {1})[0]);
  }

  @Test
  void tanhApproximation_staysWithinTorchsStatedErrorOfExact() {
    double[] x = new double[801];
    for (int i = 0; i < x.length; i++) {
      x[i] = -8 + i * 0.02;
    }
    double[] exact = forward(Activations.gelu(), x);
    double[] approximate = forward(Activations.gelu("tanh"), x);
    for (int i = 0; i < x.length; i++) {
      assertEquals(exact[i], approximate[i], 1e-3, "at " + x[i]);
    }
  }
}
