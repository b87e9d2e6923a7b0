package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

class KlDivergenceTest implements FusedLossContract {
  @Override
  public Loss loss() {
    return Losses.klDivergence();
  }

  @Override
  public Activation outputActivation() {
    return TestActivations.softmax();
  }

  @Override
  public double[][] logits() {
    return new double[][] {{0.4, -1.3, 2.2}, {-0.6, 1.1, 0.05}};
  }

  /** Row 0 has a zero: 0 ln 0 = 0. */
  @Override
  public double[][] targets() {
    return new double[][] {{0, 0.25, 0.75}, {0.2, 0.5, 0.3}};
  }

  @Override
  public double[][] extremeLogits() {
    return new double[][] {{1e3, -1e3, 0}, {-1e3, -1e3, 1e3}};
  }

  @Override
  public double[][] extremeTargets() {
    return new double[][] {{0, 1, 0}, {0.5, 0, 0.5}};
  }

  // sum_j y_j (ln y_j - ln a_j), skipping y_j = 0
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      if (y[j] > 0) {
        c += y[j] * (Math.log(y[j]) - Math.log(a[j]));
      }
    }
    return c;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = -y[j] / a[j];
    }
    return g;
  }

  @Override
  public double[] sampleFusedDelta(double[] a, double[] y) {
    double[] d = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      d[j] = a[j] - y[j];
    }
    return d;
  }

  @Override
  public double[] chainRule(Tensor a, Tensor g) {
    return Numeric.flat(Numeric.softmaxJvp(a.toArray2d(), g.toArray2d()));
  }

  @Test
  void value_outputsEqualTargets_isZero() {
    Tensor y = Tensor.of(targets());
    assertEquals(0.0, loss().value(y, y), 1e-16);
  }

  @Test
  void value_isCrossEntropyMinusTheTargetsEntropy() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    double entropy = 0;
    for (double p : y.data()) {
      entropy -= p > 0 ? p * Math.log(p) : 0;
    }
    assertEquals(Losses.crossEntropy().value(a, y) - entropy / y.rows(), loss().value(a, y),
        1e-14);
  }

  @Test
  void value_zeroTargetAtZeroOutput_countsZeroLnZeroAsZero() {
    // Row {1, 0} against a = {1, 0}: 1 ln 1 + 0 (ln 0 - ln 0) = 0, not NaN
    assertEquals(0.0, loss().value(Tensor.of(new double[][] {{1, 0}}),
        Tensor.of(new double[][] {{1, 0}})));
  }

  @Test
  void checkTargets_notADistribution_throwsNamingTheRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss().checkTargets("targets", Tensor.of(new double[][] {{0.5, 0.6}})));
    assertEquals("targets: row 0 sums to 1.1, but kl_divergence needs each target row to sum to"
        + " 1 within 1.0E-6 (a one-hot row or a distribution; ClassLabels.oneHot turns class"
        + " indices into one-hot rows)", e.getMessage());
  }
}
