package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.train.Optimizer;
import org.junit.jupiter.api.Test;

/** torch.optim.Adam and AdamW's documented algorithms, written out in {@link #reference}. */
class AdamTest {
  static Steps.Reference reference(double lr, double beta1, double beta2, double eps,
      double weightDecay, boolean amsgrad, boolean decoupled) {
    double[][] m = Steps.zeros();
    double[][] v = Steps.zeros();
    double[][] vMax = Steps.zeros();
    return (w, g, t) -> {
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (decoupled) {
            w[p][i] = w[p][i] - lr * weightDecay * w[p][i];
          } else if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          m[p][i] = beta1 * m[p][i] + (1 - beta1) * gt;
          v[p][i] = beta2 * v[p][i] + (1 - beta2) * gt * gt;
          double mHat = m[p][i] / (1 - Math.pow(beta1, t));
          double vHat;
          if (amsgrad) {
            vMax[p][i] = Math.max(vMax[p][i], v[p][i]);
            vHat = vMax[p][i] / (1 - Math.pow(beta2, t));
          } else {
            vHat = v[p][i] / (1 - Math.pow(beta2, t));
          }
          w[p][i] = w[p][i] - lr * mHat / (Math.sqrt(vHat) + eps);
        }
      }
    };
  }

  private static Optimizer adam(double lr, double b1, double b2, double eps, double wd,
      boolean amsgrad) {
    return new Adam("adam", lr, b1, b2, eps, wd, amsgrad, false);
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.adam(), reference(0.001, 0.9, 0.999, 1e-8, 0, false, false));
  }

  @Test
  void step_largeRateL2AndOtherBetas_followsTheReference() {
    Steps.assertFollows(adam(0.1, 0.8, 0.95, 1e-6, 0.05, false),
        reference(0.1, 0.8, 0.95, 1e-6, 0.05, false, false));
  }

  @Test
  void step_amsgrad_followsTheReference() {
    Steps.assertFollows(adam(0.1, 0.8, 0.95, 1e-8, 0, true),
        reference(0.1, 0.8, 0.95, 1e-8, 0, true, false));
  }

  @Test
  void step_amsgrad_changesTheResultOnceTheSecondMomentFalls() {
    double[][] plain = Steps.start();
    double[][] ams = Steps.start();
    Steps.Reference a = reference(0.1, 0.8, 0.95, 1e-8, 0, false, false);
    Steps.Reference b = reference(0.1, 0.8, 0.95, 1e-8, 0, true, false);
    for (int t = 1; t <= Steps.STEPS; t++) {
      double[][] ga = Steps.zeros();
      double[][] gb = Steps.zeros();
      for (int p = 0; p < 2; p++) {
        for (int i = 0; i < plain[p].length; i++) {
          ga[p][i] = Steps.gradient(p, i, plain[p][i], t);
          gb[p][i] = Steps.gradient(p, i, ams[p][i], t);
        }
      }
      a.step(plain, ga, t);
      b.step(ams, gb, t);
    }
    assertNotEquals(plain[0][0], ams[0][0]);
  }

  @Test
  void step_adamwDefaults_followsTheDecoupledReference() {
    Steps.assertFollows(Optimizers.adamw(0.01),
        reference(0.01, 0.9, 0.999, 1e-8, 0.01, false, true));
  }

  @Test
  void step_adamwAmsgradLargeDecay_followsTheDecoupledReference() {
    Steps.assertFollows(new Adam("adamw", 0.05, 0.9, 0.99, 1e-8, 0.5, true, true),
        reference(0.05, 0.9, 0.99, 1e-8, 0.5, true, true));
  }

  @Test
  void step_first_movesEachWeightByTheRateAgainstTheGradientsSign() {
    // step 1: mHat = g and vHat = g^2, so the update is lr * g / (|g| + eps)
    double[][] w = Steps.afterOneStep(adam(0.1, 0.9, 0.999, 1e-8, 0, false));
    for (int p = 0; p < 2; p++) {
      for (int i = 0; i < w[p].length; i++) {
        double g = Steps.gradient(p, i, Steps.START[p][i], 1);
        assertEquals(Steps.START[p][i] - 0.1 * g / (Math.abs(g) + 1e-8), w[p][i], 1e-15);
      }
    }
  }

  @Test
  void constructor_betaOutsideUnitInterval_rejected() {
    assertEquals("adam: beta1 must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class, () -> adam(0.1, 1.0, 0.999, 1e-8, 0, false))
            .getMessage());
    assertEquals("adam: beta2 must be in [0, 1), got -0.1",
        assertThrows(IllegalArgumentException.class, () -> adam(0.1, 0.9, -0.1, 1e-8, 0, false))
            .getMessage());
    assertEquals("adamw: beta2 must be in [0, 1), got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> new Adam("adamw", 0.1, 0.9, 1.5, 1e-8, 0, false, true)).getMessage());
  }

  @Test
  void constructor_negativeEpsilonOrRate_rejected() {
    assertEquals("adam: epsilon must be at least 0 and finite, got -1.0E-8",
        assertThrows(IllegalArgumentException.class, () -> adam(0.1, 0.9, 0.999, -1e-8, 0, false))
            .getMessage());
    assertEquals("adam: learningRate must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0)).getMessage());
  }
}
