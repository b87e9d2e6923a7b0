package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torch.optim.Adamax's documented algorithm, written out in {@link #reference}. */
class AdamaxTest {
  static Steps.Reference reference(double lr, double beta1, double beta2, double eps,
      double weightDecay) {
    double[][] m = Steps.zeros();
    double[][] u = Steps.zeros();
    return (w, g, t) -> {
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          m[p][i] = beta1 * m[p][i] + (1 - beta1) * gt;
          u[p][i] = Math.max(beta2 * u[p][i], Math.abs(gt) + eps);
          w[p][i] = w[p][i] - lr * m[p][i] / ((1 - Math.pow(beta1, t)) * u[p][i]);
        }
      }
    };
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.adamax(0.002), reference(0.002, 0.9, 0.999, 1e-8, 0));
  }

  @Test
  void step_fastDecayingNormAndWeightDecay_followsTheReference() {
    Steps.assertFollows(new Adamax(0.05, 0.8, 0.5, 1e-3, 0.1),
        reference(0.05, 0.8, 0.5, 1e-3, 0.1));
  }

  @Test
  void step_first_movesByTheRateTimesGradientOverItsMagnitudePlusEpsilon() {
    // step 1: m = (1 - b1) g, u = |g| + eps, and the bias correction cancels (1 - b1)
    double[][] w = Steps.afterOneStep(new Adamax(0.002, 0.9, 0.999, 0.5, 0));
    double g = Steps.gradient(0, 3, 0.25, 1);
    assertEquals(0.25 - 0.002 * g / (Math.abs(g) + 0.5), w[0][3], 1e-16);
  }

  @Test
  void constructor_betaOne_rejected() {
    assertEquals("adamax: beta1 must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class, () -> new Adamax(0.002, 1, 0.999, 1e-8, 0))
            .getMessage());
  }
}
