package io.github.backprop.losses;

import io.github.backprop.train.Loss;

class MeanSquaredErrorTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.mse();
  }

  @Override
  public double[][] outputs() {
    return RegressionData.outputs();
  }

  @Override
  public double[][] targets() {
    return RegressionData.targets();
  }

  // mean_j (y_j - a_j)^2
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += (y[j] - a[j]) * (y[j] - a[j]);
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = 2 * (a[j] - y[j]) / a.length;
    }
    return g;
  }
}
