package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

class PoissonNllTest implements LossContract {
  @Override
  public Loss loss() {
    return Losses.poissonNll();
  }

  /** Log-rates. */
  @Override
  public double[][] outputs() {
    return new double[][] {{0.3, -1.2, 2.0}, {1.5, 0.1, -0.7}};
  }

  /** Counts. */
  @Override
  public double[][] targets() {
    return new double[][] {{1, 0, 8}, {3, 2, 0}};
  }

  // torch PoissonNLLLoss(log_input=True, full=False): mean_j exp(a_j) - y_j a_j
  @Override
  public double sampleLoss(double[] a, double[] y) {
    double c = 0;
    for (int j = 0; j < a.length; j++) {
      c += Math.exp(a[j]) - y[j] * a[j];
    }
    return c / a.length;
  }

  @Override
  public double[] sampleGradient(double[] a, double[] y) {
    double[] g = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      g[j] = (Math.exp(a[j]) - y[j]) / a.length;
    }
    return g;
  }

  @Test
  void gradient_atTheMaximumLikelihoodRate_isZero() {
    // d/da [e^a - y a] = 0 at e^a = y: the best log-rate for a count of 5 is ln 5
    Tensor grad = Tensor.zeros(1, 1);
    loss().gradient(Tensor.of(new double[][] {{Math.log(5)}}), Tensor.of(new double[][] {{5}}),
        grad);
    assertEquals(0.0, grad.get(0), 1e-15);
  }
}
