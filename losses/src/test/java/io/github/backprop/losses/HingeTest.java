package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HingeTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.hinge();
  }

  /** Margins y a: 0.3, -0.5, 2.0 / -1.2, 1.6, 0.8: inside, violated and beyond the margin. */
  @Override
  public double[][] outputs() {
    return MarginData.outputs();
  }

  @Override
  public double[][] targets() {
    return MarginData.targets();
  }

  // mean_j max(0, 1 - y_j a_j)
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += Math.max(0, 1 - y[j] * a[j]);
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = y[j] * a[j] < 1 ? -y[j] / a.length : 0;
    }
    return g;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.5, 2, -2, Double.NaN})
  void checkTargets_notMinusOneOrPlusOne_throwsNamingRowColumnAndValue(double bad) {
    Tensor y = Tensor.of(new double[][] {{1, -1}, {-1, bad}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss().checkTargets("training targets", y));
    assertEquals("training targets: row 1, column 1 is " + bad
        + ", but hinge targets must be -1 or +1", e.getMessage());
  }

  @Test
  void gradient_atTheKink_isTheZeroSubgradient() {
    Tensor grad = Tensor.zeros(1, 1);
    loss().gradient(Tensor.of(new double[][] {{1}}), Tensor.of(new double[][] {{1}}), grad);
    assertEquals(0.0, grad.get(0));
  }
}
