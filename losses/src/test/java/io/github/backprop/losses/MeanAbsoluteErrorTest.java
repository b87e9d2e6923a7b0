package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.mae();
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // mean_j |y_j - a_j|
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += Math.abs(y[j] - a[j]);
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = (a[j] > y[j] ? 1.0 : -1.0) / a.length;
    }
    return g;
  }

  @Test
  void gradient_outputEqualsTarget_isZeroAsInTorch() {
    Tensor grad = Tensor.zeros(1, 2);
    loss().gradient(Tensor.of(new double[][] {{0.5, 2}}), Tensor.of(new double[][] {{0.5, 1}}),
        grad);
    assertArrayEquals(new double[] {0, 0.5}, grad.data());
  }
}
