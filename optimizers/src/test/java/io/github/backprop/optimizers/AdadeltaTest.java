package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torch.optim.Adadelta's documented algorithm, written out in {@link #reference}. */
class AdadeltaTest {
  static Steps.Reference reference(double lr, double rho, double eps, double weightDecay) {
    double[][] v = Steps.zeros();
    double[][] u = Steps.zeros();
    return (w, g, t) -> {
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          v[p][i] = v[p][i] * rho + gt * gt * (1 - rho);
          double dx = Math.sqrt(u[p][i] + eps) / Math.sqrt(v[p][i] + eps) * gt;
          u[p][i] = u[p][i] * rho + dx * dx * (1 - rho);
          w[p][i] = w[p][i] - lr * dx;
        }
      }
    };
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.adadelta(), reference(1.0, 0.9, 1e-6, 0));
  }

  @Test
  void step_rateRhoAndWeightDecay_followsTheReference() {
    Steps.assertFollows(new Adadelta(0.5, 0.7, 1e-4, 0.1), reference(0.5, 0.7, 1e-4, 0.1));
  }

  @Test
  void step_first_scalesByRootEpsilonOverRootOfTheAverage() {
    double[][] w = Steps.afterOneStep(Optimizers.adadelta());
    double g = Steps.gradient(0, 2, 2.0, 1);
    assertEquals(2.0 - Math.sqrt(1e-6) / Math.sqrt(0.1 * g * g + 1e-6) * g, w[0][2], 1e-15);
  }

  @Test
  void constructor_rhoAboveOne_rejected() {
    assertEquals("adadelta: rho must be in [0, 1], got 1.1",
        assertThrows(IllegalArgumentException.class, () -> new Adadelta(1, 1.1, 1e-6, 0))
            .getMessage());
  }
}
