package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * torch.optim.NAdam's documented algorithm (what torch 2.0 computes), written out in
 * {@link #reference} with the running product of mu_1..mu_t; torch 1.13 multiplied one mu too
 * many into it, which this reference must not follow.
 */
class NadamTest {
  static Steps.Reference reference(double lr, double beta1, double beta2, double eps,
      double weightDecay, double psi) {
    double[][] m = Steps.zeros();
    double[][] v = Steps.zeros();
    return (w, g, t) -> {
      double productToT = 1;
      for (int k = 1; k <= t; k++) {
        productToT *= beta1 * (1 - 0.5 * Math.pow(0.96, k * psi));
      }
      double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
      double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
      double productToNext = productToT * muNext;
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          m[p][i] = beta1 * m[p][i] + (1 - beta1) * gt;
          v[p][i] = beta2 * v[p][i] + (1 - beta2) * gt * gt;
          double mHat = muNext * m[p][i] / (1 - productToNext) + (1 - mu) * gt / (1 - productToT);
          double vHat = v[p][i] / (1 - Math.pow(beta2, t));
          w[p][i] = w[p][i] - lr * mHat / (Math.sqrt(vHat) + eps);
        }
      }
    };
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.nadam(0.002), reference(0.002, 0.9, 0.999, 1e-8, 0, 0.004));
  }

  @Test
  void step_strongMomentumDecayAndWeightDecay_followsTheReference() {
    Steps.assertFollows(new Nadam(0.05, 0.85, 0.9, 1e-6, 0.1, 0.5),
        reference(0.05, 0.85, 0.9, 1e-6, 0.1, 0.5));
  }

  @Test
  void step_first_matchesTheHandExpandedFormula() {
    double b1 = 0.9;
    double mu1 = b1 * (1 - 0.5 * Math.pow(0.96, 0.004));
    double mu2 = b1 * (1 - 0.5 * Math.pow(0.96, 0.008));
    double g = Steps.gradient(0, 0, 0.5, 1);
    // m = 0.1 g and vHat = g^2, so mHat = (mu2 * 0.1 / (1 - mu1 mu2) + (1 - mu1) / (1 - mu1)) g
    double mHat = (mu2 * 0.1 / (1 - mu1 * mu2) + 1) * g;
    double expected = 0.5 - 0.002 * mHat / (Math.abs(g) + 1e-8);

    double[][] w = Steps.afterOneStep(Optimizers.nadam(0.002));

    assertEquals(expected, w[0][0], 1e-15);
  }

  @Test
  void constructor_negativeMomentumDecay_rejected() {
    assertEquals("nadam: momentumDecay must be at least 0 and finite, got -0.004",
        assertThrows(IllegalArgumentException.class,
            () -> new Nadam(0.002, 0.9, 0.999, 1e-8, 0, -0.004)).getMessage());
  }
}
