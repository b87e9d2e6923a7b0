package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torch.optim.RMSprop's documented algorithm, written out in {@link #reference}. */
class RmspropTest {
  static Steps.Reference reference(double lr, double alpha, double eps, double weightDecay,
      double momentum, boolean centered) {
    double[][] v = Steps.zeros();
    double[][] gAve = Steps.zeros();
    double[][] b = Steps.zeros();
    return (w, g, t) -> {
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          v[p][i] = alpha * v[p][i] + (1 - alpha) * gt * gt;
          double vTilde = v[p][i];
          if (centered) {
            gAve[p][i] = gAve[p][i] * alpha + (1 - alpha) * gt;
            vTilde = vTilde - gAve[p][i] * gAve[p][i];
          }
          if (momentum > 0) {
            b[p][i] = momentum * b[p][i] + gt / (Math.sqrt(vTilde) + eps);
            w[p][i] = w[p][i] - lr * b[p][i];
          } else {
            w[p][i] = w[p][i] - lr * gt / (Math.sqrt(vTilde) + eps);
          }
        }
      }
    };
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.rmsprop(0.01), reference(0.01, 0.99, 1e-8, 0, 0, false));
  }

  @Test
  void step_centeredWithMomentumAndDecay_followsTheReference() {
    Steps.assertFollows(new Rmsprop(0.02, 0.9, 1e-6, 0.1, 0.7, true),
        reference(0.02, 0.9, 1e-6, 0.1, 0.7, true));
  }

  @Test
  void step_momentumNotCentered_followsTheReference() {
    Steps.assertFollows(new Rmsprop(0.02, 0.9, 1e-8, 0, 0.5, false),
        reference(0.02, 0.9, 1e-8, 0, 0.5, false));
  }

  @Test
  void step_centeredWithoutMomentum_followsTheReference() {
    Steps.assertFollows(new Rmsprop(0.02, 0.8, 1e-8, 0, 0, true),
        reference(0.02, 0.8, 1e-8, 0, 0, true));
  }

  @Test
  void step_first_dividesByTheRootOfTheFirstAverage() {
    // step 1: v = (1 - alpha) g^2
    double[][] w = Steps.afterOneStep(Optimizers.rmsprop(0.01));
    double g = Steps.gradient(0, 1, -1.0, 1);
    assertEquals(-1.0 - 0.01 * g / (Math.sqrt(0.01) * Math.abs(g) + 1e-8), w[0][1], 1e-15);
  }

  @Test
  void constructor_badValues_rejected() {
    assertEquals("rmsprop: alpha must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> new Rmsprop(0.01, 1.5, 1e-8, 0, 0, false)).getMessage());
    assertEquals("rmsprop: momentum must be at least 0 and finite, got -0.1",
        assertThrows(IllegalArgumentException.class,
            () -> new Rmsprop(0.01, 0.99, 1e-8, 0, -0.1, false)).getMessage());
    assertEquals("rmsprop: epsilon must be at least 0 and finite, got -1.0",
        assertThrows(IllegalArgumentException.class,
            () -> new Rmsprop(0.01, 0.99, -1, 0, 0, false)).getMessage());
  }
}
