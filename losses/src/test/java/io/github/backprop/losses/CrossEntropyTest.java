package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.train.Loss;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrossEntropyTest {
  /** Rows one-hot and soft, with and without smoothing; the formulas come from torch's docs. */
  abstract static class Contract implements FusedLossContract {
    abstract double smoothing();

    @Override
    public Loss loss() {
      return Losses.crossEntropy(smoothing());
    }

    @Override
    public Activation outputActivation() {
      return TestActivations.softmax();
    }

    @Override
    public double[][] logits() {
      return new double[][] {{0.4, -1.3, 2.2}, {-0.6, 1.1, 0.05}, {0.0, 0.3, -0.2}};
    }

    @Override
    public double[][] targets() {
      return new double[][] {{0, 0, 1}, {1, 0, 0}, {0.2, 0.5, 0.3}};
    }

    @Override
    public double[][] extremeLogits() {
      return new double[][] {{1e3, -1e3, 0}, {-1e3, -1e3, 1e3}};
    }

    @Override
    public double[][] extremeTargets() {
      return new double[][] {{0, 1, 0}, {0.5, 0, 0.5}};
    }

    /** t = (1 - eps) y + eps / C. */
    double[] smoothed(double[] y) {
      double[] t = new double[y.length];
      for (int j = 0; j < y.length; j++) {
        t[j] = (1 - smoothing()) * y[j] + smoothing() / y.length;
      }
      return t;
    }

    // -sum_j t_j ln a_j
    @Override
    public double sampleLoss(double[] a, double[] y) {
      double[] t = smoothed(y);
      double c = 0;
      for (int j = 0; j < a.length; j++) {
        c -= t[j] * Math.log(a[j]);
      }
      return c;
    }

    @Override
    public double[] sampleGradient(double[] a, double[] y) {
      double[] t = smoothed(y);
      double[] g = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        g[j] = -t[j] / a[j];
      }
      return g;
    }

    // a - t (the rows of t sum to 1)
    @Override
    public double[] sampleFusedDelta(double[] a, double[] y) {
      double[] t = smoothed(y);
      double[] d = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        d[j] = a[j] - t[j];
      }
      return d;
    }

    @Override
    public double[] chainRule(Tensor a, Tensor g) {
      return Numeric.flat(Numeric.softmaxJvp(a.toArray2d(), g.toArray2d()));
    }
  }

  @Nested
  class WithoutSmoothing extends Contract {
    @Override
    double smoothing() {
      return 0;
    }

    @Test
    void value_outputThatRoundedToZero_countsLnZeroAsMinus100() {
      // -ln a at the true class: row 0 has a = 0 there (clamped, 100), row 1 has 0.5 * (100 + 0)
      Tensor a = Tensor.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
      assertEquals((100 + 50) / 2.0, loss().value(a, Tensor.of(extremeTargets())), 1e-12);
    }
  }

  @Nested
  class WithSmoothing extends Contract {
    @Override
    double smoothing() {
      return 0.2;
    }

    @Test
    void value_oneHotTarget_matchesTorchsIndexForm() {
      // torch, class-index targets: (1 - eps) * nll + eps * mean_c(-ln a_c)
      double[] a = {0.7, 0.2, 0.1};
      double expected = 0.8 * -Math.log(0.7)
          + 0.2 * -(Math.log(0.7) + Math.log(0.2) + Math.log(0.1)) / 3;
      assertEquals(expected, loss().value(Tensor.of(new double[][] {a}),
          Tensor.of(new double[][] {{1, 0, 0}})), 1e-14);
    }
  }

  private final Loss loss = Losses.crossEntropy();

  @Test
  void default_labelSmoothingIsZero() {
    assertEquals(Map.of("labelSmoothing", 0.0), loss.parameters());
    assertEquals("cross_entropy[labelSmoothing=0.0]", loss.toString());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
  void constructor_labelSmoothingOutsideZeroOne_throwsNamingParameterAndValue(double bad) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(bad));
    assertEquals("cross_entropy: parameter labelSmoothing must be in [0, 1], got " + bad,
        e.getMessage());
  }

  @Test
  void labelSmoothingOne_targetsAreUniform() {
    double[] a = {0.7, 0.2, 0.1};
    double expected = -(Math.log(0.7) + Math.log(0.2) + Math.log(0.1)) / 3;
    assertEquals(expected, Losses.crossEntropy(1).value(Tensor.of(new double[][] {a}),
        Tensor.of(new double[][] {{0, 0, 1}})), 1e-14);
  }

  @Test
  void checkTargets_negativeValue_throwsNamingRowColumnAndValue() {
    Tensor y = Tensor.of(new double[][] {{0, 1, 0}, {1.2, -0.2, 0}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss.checkTargets("training targets", y));
    assertEquals("training targets: row 1, column 1 is -0.2, but cross_entropy targets are"
        + " probabilities (no negative values, each row summing to 1)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.9, 1.00001, 0})
  void checkTargets_rowNotSummingToOne_throwsNamingRowAndSum(double sum) {
    Tensor y = Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}, {sum, 0}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss.checkTargets("targets", y));
    assertEquals("targets: row 2 sums to " + sum + ", but cross_entropy needs each target row to"
        + " sum to 1 within 1.0E-6 (a one-hot row or a distribution; ClassLabels.oneHot turns"
        + " class indices into one-hot rows)", e.getMessage());
  }

  @Test
  void checkTargets_rowSummingToOneWithinTolerance_passes() {
    loss.checkTargets("targets", Tensor.of(new double[][] {{0.3333333, 0.3333333, 0.3333334},
        {1 - 5e-7, 0, 0}}));
  }

  @Test
  void checkTargets_classIndicesInsteadOfOneHot_throwsPointingToOneHot() {
    Tensor indices = Tensor.of(new double[][] {{1}, {2}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss.checkTargets("targets", indices));
    assertTrue(e.getMessage().startsWith("targets: row 1 sums to 2.0"), e.getMessage());
    assertTrue(e.getMessage().contains("ClassLabels.oneHot"), e.getMessage());
  }

  @Test
  void checkTargets_oneHotFromClassIndices_passes() {
    loss.checkTargets("targets", ClassLabels.oneHot(Tensor.of(new double[][] {{2}, {0}}), 3));
  }

  @Test
  void value_logSoftmaxOutputs_throwsAskingForSoftmax() {
    double[][] logProbabilities = {{Math.log(0.7), Math.log(0.2), Math.log(0.1)}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss.value(Tensor.of(logProbabilities), Tensor.of(new double[][] {{1, 0, 0}})));
    assertEquals("cross_entropy: output row 0, column 0 is " + Math.log(0.7)
        + ", not a probability in [0, 1]; cross_entropy reads its outputs as probabilities, so"
        + " the output layer should be softmax (log_softmax gives log-probabilities, which"
        + " cross_entropy does not read)", e.getMessage());
  }

  @Test
  void fused_sigmoidOutput_isNotFused() {
    Tensor a = Tensor.of(new double[][] {{0.5, 0.5}});
    assertFalse(loss.gradientAtWeightedInput(TestActivations.sigmoid(), Tensor.zeros(1, 2), a,
        Tensor.of(new double[][] {{1, 0}}), Tensor.zeros(1, 2)));
  }

  @Test
  void fused_rowSummingToOneOnlyWithinRounding_staysTheExactChainRuleProduct() {
    // A target row summing to 1 - 4e-7: the fused (a sum(t) - t) equals the chain rule exactly,
    // where the shortcut (a - t) would be off by a * 4e-7.
    double[][] z = {{0.4, -1.3, 2.2}};
    double[][] y = {{0.2, 0.3, 0.5 - 4e-7}};
    Tensor a = Tensor.of(Numeric.softmax(z));
    Tensor g = Tensor.zeros(1, 3);
    loss.gradient(a, Tensor.of(y), g);
    double[] unfused = Numeric.flat(Numeric.softmaxJvp(a.toArray2d(), g.toArray2d()));
    Tensor delta = Tensor.zeros(1, 3);
    loss.gradientAtWeightedInput(TestActivations.softmax(), Tensor.of(z), a, Tensor.of(y), delta);
    Numeric.assertClose(unfused, delta.data(), 1e-15, "fused vs chain rule");
  }
}
