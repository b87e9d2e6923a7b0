package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.backprop.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;

/** Independent numbers for the tests: finite differences (Commons Math) and plain formulas. */
final class Numeric {
  /** Five-point central differences with step 1e-4: error of order h^4, about 1e-16. */
  private static final FiniteDifferencesDifferentiator DIFFERENTIATOR =
      new FiniteDifferencesDifferentiator(5, 1e-4);

  private Numeric() {}

  /** f'(x) by finite differences. */
  static double derivative(DoubleUnaryOperator f, double x) {
    UnivariateFunction g = f::applyAsDouble;
    UnivariateDifferentiableFunction df = DIFFERENTIATOR.differentiate(g);
    return df.value(new DerivativeStructure(1, 1, 0, x)).getPartialDerivative(1);
  }

  /**
   * d f / d t[i] for every element of t, by finite differences; t is restored afterwards.
   *
   * @param f a function of the whole tensor, read through t
   */
  static double[] gradient(ToDoubleFunction<Tensor> f, Tensor t) {
    double[] x = t.data();
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int k = i;
      double saved = x[k];
      g[k] = derivative(v -> {
        x[k] = v;
        double value = f.applyAsDouble(t);
        x[k] = saved;
        return value;
      }, saved);
    }
    return g;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** Row-wise softmax, with the row maximum subtracted so no exponent overflows. */
  static double[][] softmax(double[][] z) {
    double[][] s = new double[z.length][];
    for (int r = 0; r < z.length; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z[r]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      s[r] = new double[z[r].length];
      for (int j = 0; j < z[r].length; j++) {
        s[r][j] = Math.exp(z[r][j] - max);
        sum += s[r][j];
      }
      for (int j = 0; j < z[r].length; j++) {
        s[r][j] /= sum;
      }
    }
    return s;
  }

  /** The softmax vector-Jacobian product per row: s_j (g_j - sum_k g_k s_k). */
  static double[][] softmaxJvp(double[][] s, double[][] g) {
    double[][] dz = new double[s.length][];
    for (int r = 0; r < s.length; r++) {
      double dot = 0;
      for (int k = 0; k < s[r].length; k++) {
        dot += g[r][k] * s[r][k];
      }
      dz[r] = new double[s[r].length];
      for (int j = 0; j < s[r].length; j++) {
        dz[r][j] = s[r][j] * (g[r][j] - dot);
      }
    }
    return dz;
  }

  /** The sigmoid chain rule: g a (1 - a), element by element. */
  static double[] sigmoidChain(double[] a, double[] g) {
    double[] dz = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      dz[i] = g[i] * a[i] * (1 - a[i]);
    }
    return dz;
  }

  /** Flattens rows into one row-major array. */
  static double[] flat(double[][] rows) {
    return Tensor.of(rows).data().clone();
  }

  /**
   * Fails unless |expected[i] - actual[i]| &lt;= tolerance * max(1, |expected[i]|) for every i,
   * naming the first element that differs.
   */
  static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " values, got " + actual.length);
    }
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(expected[i] - actual[i]) / Math.max(1, Math.abs(expected[i]));
      if (!(error <= tolerance)) {
        fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]
            + " (error " + error + ", tolerance " + tolerance + ")");
      }
    }
  }

  static void assertClose(double expected, double actual, double tolerance, String what) {
    assertClose(new double[] {expected}, new double[] {actual}, tolerance, what);
  }

  /** Fails if any value is NaN or infinite. */
  static void assertFinite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        fail(what + ": element " + i + " is " + values[i]);
      }
    }
  }
}
