package io.github.backprop.activations;

import static io.github.backprop.activations.Reference.exp;
import static io.github.backprop.activations.Reference.log;
import static io.github.backprop.activations.Reference.max;
import static io.github.backprop.activations.Reference.min;
import static io.github.backprop.activations.Reference.relu6;
import static io.github.backprop.activations.Reference.sigmoid;
import static io.github.backprop.activations.Reference.tanh;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.apache.commons.math3.dfp.Dfp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element-wise activation, value and derivative, against independent oracles on a grid
 * from -1e4 to 1e4 that includes points just beside each kink (but not on it; {@link
 * KinkConventionsTest} pins those): the published formula in 100-digit arithmetic ({@link
 * Reference}), and Commons Math's finite-difference differentiator applied to the forward pass.
 */
class ElementwiseActivationsTest {
  private static final double[] GRID = {
      -1e4, -1e3, -1e2, -50, -30, -20, -12, -7.5, -5, -3.5, -2.25, -1.5, -1, -0.7, -0.3, -0.1,
      -1e-3, -1e-190, -1e-250, 0, 1e-250, 1e-190, 1e-3, 0.1, 0.3, 0.5, 1, 1.7, 2.5, 3.5, 5, 7.5,
      12, 19.9, 30, 50, 1e2, 1e3, 1e4};
  private static final Dfp SELU_ALPHA = Reference.FIELD.newDfp("1.6732632423543772848170429916717");
  private static final Dfp SELU_SCALE = Reference.FIELD.newDfp("1.0507009873554804934193349852946");
  private static final Dfp ONE = Reference.FIELD.getOne();
  private static final Dfp ZERO = Reference.FIELD.getZero();

  /** An activation, its oracle, and where it has kinks or jumps. */
  record Case(String label, Activation activation, UnaryOperator<Dfp> f, double... kinks) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("identity", Activations.identity(), x -> x),
        new Case("step", Activations.step(), x -> x.strictlyPositive() ? ONE : ZERO, 0),
        new Case("sigmoid", Activations.sigmoid(), Reference::sigmoid),
        new Case("tanh", Activations.tanh(), Reference::tanh),
        new Case("relu", Activations.relu(), x -> max(x, ZERO), 0),
        new Case("leaky_relu", Activations.leakyRelu(), x -> leaky(x, 0.01), 0),
        new Case("leaky_relu alpha 0.2", Activations.leakyRelu(0.2), x -> leaky(x, 0.2), 0),
        new Case("leaky_relu alpha -0.5", Activations.leakyRelu(-0.5), x -> leaky(x, -0.5), 0),
        new Case("elu", Activations.elu(), x -> elu(x, 1), 0),
        new Case("elu alpha 0.5", Activations.elu(0.5), x -> elu(x, 0.5), 0),
        new Case("selu", Activations.selu(),
            x -> SELU_SCALE.multiply(x.strictlyPositive() ? x
                : SELU_ALPHA.multiply(exp(x).subtract(ONE))), 0),
        new Case("celu", Activations.celu(), x -> celu(x, 1), 0),
        new Case("celu alpha 2", Activations.celu(2), x -> celu(x, 2), 0),
        new Case("gelu tanh", Activations.gelu("tanh"), ElementwiseActivationsTest::geluTanh),
        new Case("softplus", Activations.softplus(), x -> softplus(x, 1, 20), 20),
        new Case("softplus beta 2 threshold 10", Activations.softplus(2, 10),
            x -> softplus(x, 2, 10), 5),
        new Case("silu", Activations.silu(), x -> x.multiply(sigmoid(x))),
        new Case("mish", Activations.mish(), x -> x.multiply(tanh(Reference.softplus(x)))),
        // softsign is listed with a kink at 0: its second derivative jumps there.
        new Case("softsign", Activations.softsign(), x -> x.divide(ONE.add(x.abs())), 0),
        new Case("hard_tanh", Activations.hardTanh(), x -> clip(x, -1, 1), -1, 1),
        new Case("hard_tanh -2..0.5", Activations.hardTanh(-2, 0.5), x -> clip(x, -2, 0.5), -2,
            0.5),
        new Case("hard_sigmoid", Activations.hardSigmoid(), x -> relu6(x.add(3)).divide(6), -3, 3),
        new Case("hard_swish", Activations.hardSwish(),
            x -> x.multiply(relu6(x.add(3))).divide(6), -3, 3));
  }

  private static Dfp leaky(Dfp x, double alpha) {
    return x.strictlyPositive() ? x : x.multiply(alpha);
  }

  private static Dfp elu(Dfp x, double alpha) {
    return x.strictlyPositive() ? x : exp(x).subtract(ONE).multiply(alpha);
  }

  private static Dfp celu(Dfp x, double alpha) {
    return max(x, ZERO).add(min(ZERO, exp(x.divide(alpha)).subtract(ONE).multiply(alpha)));
  }

  private static Dfp softplus(Dfp x, double beta, double threshold) {
    Dfp bx = x.multiply(beta);
    return bx.greaterThan(Reference.of(threshold)) ? x : log(ONE.add(exp(bx))).divide(beta);
  }

  private static Dfp geluTanh(Dfp x) {
    Dfp root = Reference.of(2).divide(Reference.FIELD.getPi()).sqrt();
    Dfp inner = root.multiply(x.add(x.multiply(x).multiply(x).multiply(0.044715)));
    return x.multiply(0.5).multiply(ONE.add(tanh(inner)));
  }

  private static Dfp clip(Dfp x, double low, double high) {
    return min(max(x, Reference.of(low)), Reference.of(high));
  }

  /** The grid without points on a kink, plus points 1e-7 and 1e-3 to either side of each. */
  static double[] gridFor(Case c) {
    TreeSet<Double> points = new TreeSet<>();
    for (double x : GRID) {
      boolean onKink = false;
      for (double k : c.kinks()) {
        onKink |= Math.abs(x - k) < 1e-20;
      }
      if (!onKink) {
        points.add(x);
      }
    }
    for (double k : c.kinks()) {
      for (double d : new double[] {1e-7, 1e-3}) {
        points.add(k - d);
        points.add(k + d);
      }
    }
    return points.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forward_onGrid_matchesPublishedFormula(Case c) {
    double[] x = gridFor(c);
    double[] a = forward(c.activation(), x);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double expected = Reference.value(c.f(), x[i]);
      if (!(Math.abs(a[i] - expected) <= 1e-13 * Math.max(1, Math.abs(expected)))) {
        failures.add("f(" + x[i] + ") = " + a[i] + ", expected " + expected);
      }
    }
    assertTrue(failures.isEmpty(), c + ": " + failures);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backward_onGrid_isUpstreamTimesDerivativeOfPublishedFormula(Case c) {
    double[] x = gridFor(c);
    double[] upstream = new SplittableRandom(3).doubles(x.length, -2, 2).toArray();
    double[] dz = backward(c.activation(), x, upstream);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double expected = upstream[i] * Reference.derivative(c.f(), x[i]);
      if (!(Math.abs(dz[i] - expected) <= 1e-12 * Math.max(1, Math.abs(expected)))) {
        failures.add("at " + x[i] + " upstream " + upstream[i] + ": dz = " + dz[i]
            + ", expected " + expected);
      }
    }
    assertTrue(failures.isEmpty(), c + ": " + failures);
  }

  /** The exponential family, whose derivative on the negative side is tiny but not zero. */
  static Stream<Case> exponentialTails() {
    return cases().filter(c -> c.label().matches("(s|c)?elu.*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exponentialTails")
  void backward_farOnTheNegativeSide_keepsFullRelativePrecision(Case c) {
    // f' = alpha e^z there: computed from the output as a + alpha it would cancel (at z = -30
    // to 1e-4 relative, at -40 to 0), which torch's elu_backward avoids by reading z
    double[] x = {-10, -20, -30, -40, -60};
    double[] upstream = new SplittableRandom(4).doubles(x.length, -2, 2).toArray();
    double[] dz = backward(c.activation(), x, upstream);
    for (int i = 0; i < x.length; i++) {
      double expected = upstream[i] * Reference.derivative(c.f(), x[i]);
      assertEquals(expected, dz[i], 1e-14 * Math.abs(expected), c + " at " + x[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backward_awayFromKinks_matchesFiniteDifferencesOfForward(Case c) {
    UnivariateDifferentiableFunction numeric =
        new FiniteDifferencesDifferentiator(5, 1e-4).differentiate(
            (UnivariateFunction) t -> forward(c.activation(), new double[] {t})[0]);
    for (double x : gridFor(c)) {
      boolean nearKink = false;
      for (double k : c.kinks()) {
        nearKink |= Math.abs(x - k) < 1e-2;
      }
      if (nearKink) {
        continue;
      }
      double fd = numeric.value(new DerivativeStructure(1, 1, 0, x)).getPartialDerivative(1);
      double analytic = backward(c.activation(), new double[] {x}, new double[] {1})[0];
      double error =
          Math.abs(analytic - fd) / Math.max(1, Math.max(Math.abs(analytic), Math.abs(fd)));
      assertTrue(error < 1e-6,
          c + " at " + x + ": backward " + analytic + ", finite difference " + fd);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardAndBackward_atExtremes_areFiniteWithTheRightLimits(Case c) {
    double[] x = {-1e4, -1e3, 1e3, 1e4};
    double[] a = forward(c.activation(), x);
    double[] dz = backward(c.activation(), x, new double[] {1, 1, 1, 1});
    for (int i = 0; i < x.length; i++) {
      assertTrue(Double.isFinite(a[i]) && Double.isFinite(dz[i]),
          c + " at " + x[i] + ": f = " + a[i] + ", f' = " + dz[i]);
      double limit = Reference.value(c.f(), x[i]);
      assertEquals(limit, a[i], 1e-13 * Math.max(1, Math.abs(limit)), c + " f(" + x[i] + ")");
      double slope = Reference.derivative(c.f(), x[i]);
      assertEquals(slope, dz[i], 1e-13 * Math.max(1, Math.abs(slope)), c + " f'(" + x[i] + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardAndBackward_leaveTheirArgumentsUnchanged(Case c) {
    double[] x = gridFor(c);
    Tensor z = Tensor.wrap(x.clone(), 1, x.length);
    Tensor a = Tensor.zeros(1, x.length);
    c.activation().forward(z, a);
    double[] aBefore = a.data().clone();
    Tensor upstream = Tensor.wrap(new SplittableRandom(5).doubles(x.length).toArray(), 1, x.length);
    double[] upstreamBefore = upstream.data().clone();
    c.activation().backward(z, a, upstream, Tensor.zeros(1, x.length));
    assertArrayEquals(x, z.data());
    assertArrayEquals(aBefore, a.data());
    assertArrayEquals(upstreamBefore, upstream.data());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backward_overwritesStaleValuesInDz(Case c) {
    double[] x = gridFor(c);
    Tensor z = Tensor.wrap(x.clone(), 1, x.length);
    Tensor a = Tensor.zeros(1, x.length);
    c.activation().forward(z, a);
    Tensor upstream = Tensor.wrap(new SplittableRandom(9).doubles(x.length).toArray(), 1, x.length);
    Tensor clean = Tensor.zeros(1, x.length);
    Tensor stale = Tensor.wrap(new SplittableRandom(11).doubles(x.length, 5, 9).toArray(), 1,
        x.length);
    c.activation().backward(z, a, upstream, clean);
    c.activation().backward(z, a, upstream, stale);
    assertArrayEquals(clean.data(), stale.data());
  }

  static double[] forward(Activation activation, double[] x) {
    Tensor a = Tensor.zeros(1, x.length);
    activation.forward(Tensor.wrap(x.clone(), 1, x.length), a);
    return a.data();
  }

  static double[] backward(Activation activation, double[] x, double[] upstream) {
    Tensor z = Tensor.wrap(x.clone(), 1, x.length);
    Tensor a = Tensor.zeros(1, x.length);
    activation.forward(z, a);
    Tensor dz = Tensor.zeros(1, x.length);
    activation.backward(z, a, Tensor.wrap(upstream.clone(), 1, x.length), dz);
    if (dz.data().length != x.length) {
      fail("dz has the wrong length");
    }
    return dz.data();
  }
}
