package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torch.optim.Adagrad's documented algorithm, written out in {@link #reference}. */
class AdagradTest {
  static Steps.Reference reference(double lr, double lrDecay, double weightDecay,
      double initialAccumulatorValue, double eps) {
    double[][] sum = Steps.zeros();
    for (double[] s : sum) {
      java.util.Arrays.fill(s, initialAccumulatorValue);
    }
    return (w, g, t) -> {
      double rate = lr / (1 + (t - 1) * lrDecay);
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          sum[p][i] = sum[p][i] + gt * gt;
          w[p][i] = w[p][i] - rate * gt / (Math.sqrt(sum[p][i]) + eps);
        }
      }
    };
  }

  @Test
  void step_defaults_followsTheReference() {
    Steps.assertFollows(Optimizers.adagrad(0.01), reference(0.01, 0, 0, 0, 1e-10));
  }

  @Test
  void step_lrDecayWeightDecayAndInitialAccumulator_followsTheReference() {
    Steps.assertFollows(new Adagrad(0.1, 0.5, 0.05, 0.2, 1e-10),
        reference(0.1, 0.5, 0.05, 0.2, 1e-10));
  }

  @Test
  void step_first_hasNoDecayAndAddsToTheInitialAccumulator() {
    double[][] w = Steps.afterOneStep(new Adagrad(0.1, 0.5, 0, 0.2, 1e-10));
    double g = Steps.gradient(1, 0, 0.1, 1);
    assertEquals(0.1 - 0.1 * g / (Math.sqrt(0.2 + g * g) + 1e-10), w[1][0], 1e-16);
  }

  @Test
  void constructor_negativeValues_rejected() {
    assertEquals("adagrad: lrDecay must be at least 0 and finite, got -0.1",
        assertThrows(IllegalArgumentException.class, () -> new Adagrad(0.1, -0.1, 0, 0, 1e-10))
            .getMessage());
    assertEquals("adagrad: initialAccumulatorValue must be at least 0 and finite, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> new Adagrad(0.1, 0, 0, -1, 1e-10))
            .getMessage());
  }
}
