package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

class SquaredHingeTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.squaredHinge();
  }

  @Override
  public double[][] outputs() {
    return MarginData.outputs();
  }

  @Override
  public double[][] targets() {
    return MarginData.targets();
  }

  // mean_j max(0, 1 - y_j a_j)^2
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      double m = Math.max(0, 1 - y[j] * a[j]);
      c += m * m;
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = y[j] * a[j] < 1 ? -2 * y[j] * (1 - y[j] * a[j]) / a.length : 0;
    }
    return g;
  }

  @Test
  void checkTargets_zeroOneTargets_throwsNamingTheFirstZero() {
    Tensor y = Tensor.of(new double[][] {{1, 0}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss().checkTargets("targets", y));
    assertEquals("targets: row 0, column 1 is 0.0, but squared_hinge targets must be -1 or +1",
        e.getMessage());
  }
}
