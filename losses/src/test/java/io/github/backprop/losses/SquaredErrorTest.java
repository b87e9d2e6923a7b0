package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

class SquaredErrorTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.squaredError();
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // C = 1/2 sum_j (y_j - a_j)^2
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += 0.5 * (y[j] - a[j]) * (y[j] - a[j]);
    }
    return c;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = a[j] - y[j];
    }
    return g;
  }

  @Test
  void value_seedNetworkOutputs_isTheSeedsTotalError() {
    // The seeds' worked network: outputs 0.75136507 and 0.772928465 for targets 0.01 and 0.99
    // give E_total = 0.298371109.
    double e = loss().value(Tensor.of(new double[][] {{0.75136507, 0.772928465}}),
        Tensor.of(new double[][] {{0.01, 0.99}}));
    assertEquals(0.298371109, e, 1e-9);
  }
}
