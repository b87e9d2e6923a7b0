package io.github.backprop.activations;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;

/**
 * The oracle for the element-wise activations: each function written as its published formula,
 * naively, in Commons Math's 100-digit decimal arithmetic ({@link Dfp}), where e^(2e4) neither
 * overflows nor cancels, so the textbook form is exact to double precision at every point of
 * the grid; derivatives are central differences with step 1e-30 in the same arithmetic
 * (truncation error ~1e-60, rounding ~1e-70).
 */
final class Reference {
  static final DfpField FIELD = new DfpField(100);
  private static final Dfp H = FIELD.newDfp("1e-30");
  private static final Dfp ZERO = FIELD.getZero();
  private static final Dfp ONE = FIELD.getOne();

  private Reference() {}

  static Dfp of(double x) {
    return FIELD.newDfp(x);
  }

  static double value(UnaryOperator<Dfp> f, double x) {
    return f.apply(of(x)).toDouble();
  }

  static double derivative(UnaryOperator<Dfp> f, double x) {
    Dfp p = of(x);
    return f.apply(p.add(H)).subtract(f.apply(p.subtract(H))).divide(H.multiply(2)).toDouble();
  }

  static Dfp exp(Dfp x) {
    return DfpMath.exp(x);
  }

  static Dfp log(Dfp x) {
    return DfpMath.log(x);
  }

  static Dfp max(Dfp a, Dfp b) {
    return a.greaterThan(b) ? a : b;
  }

  static Dfp min(Dfp a, Dfp b) {
    return a.lessThan(b) ? a : b;
  }

  static Dfp sigmoid(Dfp x) {
    return ONE.divide(ONE.add(exp(x.negate())));
  }

  static Dfp tanh(Dfp x) {
    // 1 - 2 / (e^2x + 1) rather than (e^2x - 1) / (e^2x + 1): e^2x may exceed even Dfp's range.
    return ONE.subtract(FIELD.getTwo().divide(exp(x.multiply(2)).add(ONE)));
  }

  static Dfp softplus(Dfp x) {
    return log(ONE.add(exp(x)));
  }

  static Dfp relu6(Dfp x) {
    return min(max(x, ZERO), FIELD.newDfp(6));
  }
}
