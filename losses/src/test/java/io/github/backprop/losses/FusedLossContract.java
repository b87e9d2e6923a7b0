package io.github.backprop.losses;

import static io.github.backprop.losses.Numeric.assertClose;
import static io.github.backprop.losses.Numeric.assertFinite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import org.junit.jupiter.api.Test;

/**
 * What a loss with a fused output gradient must also do: with its activation, write dC/dz
 * directly, equal to the unfused chain-rule product (the loss's gradient in the outputs times the
 * activation's derivative, applied here by the test itself) where that is finite, and finite even
 * at logits of magnitude 1e3, where the activation has rounded to exactly 0 or 1.
 */
interface FusedLossContract extends LossContract {
  /** The output activation the loss fuses with (a test double carrying the real name). */
  Activation outputActivation();

  /** Moderate logits; {@link #outputs()} is the activation of these. */
  double[][] logits();

  /** Logits of magnitude about 1e3, where the outputs round to exactly 0 and 1. */
  double[][] extremeLogits();

  /** Valid targets for {@link #extremeLogits()}, chosen so that some outputs are exactly wrong. */
  double[][] extremeTargets();

  /** d(per-sample loss)/dz_j through the activation, written from the definition. */
  double[] sampleFusedDelta(double[] a, double[] y);

  /** The chain rule for the activation, applied to an upstream gradient g = dC/da. */
  double[] chainRule(Tensor a, Tensor g);

  @Override
  default double[][] outputs() {
    return activate(Tensor.of(logits())).toArray2d();
  }

  @Test
  default void fused_withItsActivation_writesTheClosedFormAndReturnsTrue() {
    Tensor a = Tensor.of(outputs());
    double[][] y = targets();
    double[][] expected = new double[y.length][];
    for (int r = 0; r < y.length; r++) {
      expected[r] = sampleFusedDelta(a.row(r), y[r]);
      for (int j = 0; j < expected[r].length; j++) {
        expected[r][j] /= y.length;
      }
    }
    assertClose(Numeric.flat(expected), fusedDelta(Tensor.of(logits()), Tensor.of(y)),
        CLOSED_FORM_TOLERANCE, loss().name() + " fused delta");
  }

  @Test
  default void fused_equalsTheUnfusedChainRuleProduct() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    Tensor g = Tensor.zeros(a.shape());
    loss().gradient(a, y, g);
    double[] unfused = chainRule(a, g);
    assertClose(unfused, fusedDelta(Tensor.of(logits()), y), 1e-12,
        loss().name() + " fused vs chain rule");
  }

  @Test
  default void fused_matchesFiniteDifferencesInTheLogits() {
    Tensor z = Tensor.of(logits());
    Tensor y = Tensor.of(targets());
    double[] numeric = Numeric.gradient(t -> loss().value(activate(t), y), z);
    assertClose(numeric, fusedDelta(z, y), FD_TOLERANCE, loss().name() + " fused vs FD in z");
  }

  @Test
  default void fused_logitsOfMagnitude1e3_isFiniteAndExact() {
    Tensor z = Tensor.of(extremeLogits());
    Tensor a = activate(z);
    double[][] y = extremeTargets();
    double[] delta = fusedDelta(z, Tensor.of(y));
    assertFinite(delta, loss().name() + " fused delta at |z| = 1e3");
    double[][] expected = new double[y.length][];
    for (int r = 0; r < y.length; r++) {
      expected[r] = sampleFusedDelta(a.row(r), y[r]);
      for (int j = 0; j < expected[r].length; j++) {
        expected[r][j] /= y.length;
      }
    }
    assertClose(Numeric.flat(expected), delta, CLOSED_FORM_TOLERANCE,
        loss().name() + " fused delta at |z| = 1e3");
  }

  @Test
  default void valueAndGradient_outputsExactlyZeroAndOne_areFinite() {
    Tensor a = activate(Tensor.of(extremeLogits()));
    assertTrue(a.firstNonFinite() < 0);
    boolean hasZero = false;
    boolean hasOne = false;
    for (double v : a.data()) {
      hasZero |= v == 0;
      hasOne |= v == 1;
    }
    assertTrue(hasZero && hasOne, "the extreme logits must saturate the activation: " + a);
    Tensor y = Tensor.of(extremeTargets());
    double value = loss().value(a, y);
    assertTrue(Double.isFinite(value), loss().name() + " value " + value);
    Tensor g = Tensor.zeros(a.shape());
    loss().gradient(a, y, g);
    assertFinite(g.data(), loss().name() + " gradient at outputs 0 and 1");
  }

  @Test
  default void fused_anotherActivation_returnsFalseAndLeavesDeltaAlone() {
    Tensor z = Tensor.of(logits());
    Tensor a = Tensor.of(outputs());
    Tensor delta = Tensor.zeros(a.shape());
    delta.fillInPlace(7);
    assertFalse(loss().gradientAtWeightedInput(TestActivations.tanh(), z, a,
        Tensor.of(targets()), delta));
    for (double v : delta.data()) {
      assertEquals(7.0, v);
    }
  }

  @Test
  default void fused_targetsOfTheWrongWidth_throwsNamingTheLoss() {
    Tensor z = Tensor.of(logits());
    Tensor a = Tensor.of(outputs());
    Tensor narrow = Tensor.zeros(a.rows(), a.cols() - 1);
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> loss().gradientAtWeightedInput(outputActivation(), z, a, narrow,
            Tensor.zeros(a.shape())));
    assertEquals(loss().name() + ": target shape " + narrow.shape()
        + " does not match the output shape " + a.shape(), e.getMessage());
  }

  private Tensor activate(Tensor z) {
    Tensor a = Tensor.zeros(z.shape());
    outputActivation().forward(z, a);
    return a;
  }

  private double[] fusedDelta(Tensor z, Tensor y) {
    Tensor a = activate(z);
    Tensor delta = Tensor.zeros(a.shape());
    delta.fillInPlace(Double.NaN);
    assertTrue(loss().gradientAtWeightedInput(outputActivation(), z, a, y, delta),
        loss().name() + " should fuse with " + outputActivation().name());
    return delta.data();
  }
}
