package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryCrossEntropyTest implements FusedLossContract {
  @Override
  public Loss loss() {
    return Losses.binaryCrossEntropy();
  }

  @Override
  public Activation outputActivation() {
    return TestActivations.sigmoid();
  }

  @Override
  public double[][] logits() {
    return new double[][] {{0.4, -1.3, 2.2}, {-0.6, 1.1, 0.05}};
  }

  @Override
  public double[][] targets() {
    return new double[][] {{1, 0, 1}, {0.3, 1, 0}};
  }

  @Override
  public double[][] extremeLogits() {
    return new double[][] {{1e3, -1e3, 1e3}, {-1e3, 1e3, 0}};
  }

  @Override
  public double[][] extremeTargets() {
    return new double[][] {{1, 0, 0}, {1, 0.3, 1}};
  }

  // -mean_j [y ln a + (1 - y) ln(1 - a)]
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c -= y[j] * Math.log(a[j]) + (1 - y[j]) * Math.log(1 - a[j]);
    }
    return c / a.length;
  }

  // -(y / a - (1 - y) / (1 - a)) / outputs
  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = -(y[j] / a[j] - (1 - y[j]) / (1 - a[j])) / a.length;
    }
    return g;
  }

  @Override
  public double[] sampleFusedDelta(double[] a, double[] y) {
    double[] d = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      d[j] = (a[j] - y[j]) / a.length;
    }
    return d;
  }

  @Override
  public double[] chainRule(Tensor a, Tensor g) {
    return Numeric.sigmoidChain(a.data(), g.data());
  }

  @Test
  void value_outputsExactlyZeroAndOne_clampsEachLogAtMinus100AsTorch() {
    // The extreme case: a = {1, 0, 1}, {0, 1, 0.5} against y = {1, 0, 0}, {1, 0.3, 1}:
    // terms 0, 0, 100 | 100, 0.3 * 0 + 0.7 * 100, ln 2, mean over 6 elements.
    Tensor a = Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 0.5}});
    double expected = (100 + 100 + 70 + Math.log(2)) / 6;
    assertEquals(expected, loss().value(a, Tensor.of(extremeTargets())), 1e-13);
  }

  @Test
  void gradient_outputsExactlyZeroAndOne_usesTorchsFloorOnTheDenominator() {
    // (a - y) / max(a (1 - a), eps) / 2: at a = 1, y = 0 that is 1 / eps / 2, with torch's eps,
    // the float 1e-12f (torch 1.13 gives 500000001997.9014 for this output)
    Tensor grad = Tensor.zeros(1, 2);
    loss().gradient(Tensor.of(new double[][] {{1, 0}}), Tensor.of(new double[][] {{0, 0}}), grad);
    assertEquals(500000001997.9014, grad.get(0), 1e-4);
    assertEquals(0.0, grad.get(1));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
  void checkTargets_outsideZeroOne_throwsNamingRowColumnAndValue(double bad) {
    Tensor y = Tensor.of(new double[][] {{0, 1}, {1, bad}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss().checkTargets("validation targets", y));
    assertEquals("validation targets: row 1, column 1 is " + bad
        + ", but binary_cross_entropy targets must lie in [0, 1]", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.5, 1.25})
  void valueAndGradient_outputOutsideZeroOne_throwsAskingForSigmoid(double bad) {
    Tensor a = Tensor.of(new double[][] {{0.5, 0.2}, {bad, 0.1}});
    Tensor y = Tensor.of(new double[][] {{1, 0}, {1, 0}});
    String expected = "binary_cross_entropy: output row 1, column 0 is " + bad
        + ", not a probability in [0, 1]; binary_cross_entropy reads its outputs as"
        + " probabilities, so the output layer should be sigmoid";
    assertEquals(expected,
        assertThrows(IllegalArgumentException.class, () -> loss().value(a, y)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> loss().gradient(a, y, Tensor.zeros(2, 2))).getMessage());
  }

  @Test
  void fused_softmaxOutput_isNotFused() {
    Tensor z = Tensor.of(logits());
    Tensor a = Tensor.of(outputs());
    Tensor delta = Tensor.zeros(a.shape());
    assertEquals(false, loss().gradientAtWeightedInput(TestActivations.softmax(), z, a,
        Tensor.of(targets()), delta));
  }
}
