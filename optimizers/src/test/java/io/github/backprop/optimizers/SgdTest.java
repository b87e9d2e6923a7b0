package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** torch.optim.SGD's documented algorithm, written out in {@link #reference}. */
class SgdTest {
  static Steps.Reference reference(double lr, double momentum, double dampening,
      boolean nesterov, double weightDecay) {
    double[][] b = Steps.zeros();
    return (w, g, t) -> {
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          double gt = g[p][i];
          if (weightDecay != 0) {
            gt = gt + weightDecay * w[p][i];
          }
          if (momentum != 0) {
            if (t > 1) {
              b[p][i] = momentum * b[p][i] + (1 - dampening) * gt;
            } else {
              b[p][i] = gt;
            }
            if (nesterov) {
              gt = gt + momentum * b[p][i];
            } else {
              gt = b[p][i];
            }
          }
          w[p][i] = w[p][i] - lr * gt;
        }
      }
    };
  }

  @Test
  void step_plain_followsTheReference() {
    Steps.assertFollows(new Sgd(0.1, 0, 0, false, 0), reference(0.1, 0, 0, false, 0));
  }

  @Test
  void step_momentumDampeningAndWeightDecay_followsTheReference() {
    Steps.assertFollows(new Sgd(0.05, 0.9, 0.3, false, 0.01),
        reference(0.05, 0.9, 0.3, false, 0.01));
  }

  @Test
  void step_nesterov_followsTheReference() {
    Steps.assertFollows(new Sgd(0.05, 0.8, 0, true, 0.02), reference(0.05, 0.8, 0, true, 0.02));
  }

  @Test
  void step_firstStepWithMomentumAndDampening_usesTheUndampenedGradient() {
    // torch initialises the buffer with the gradient itself, so dampening has no effect yet
    double[][] w = Steps.afterOneStep(new Sgd(0.1, 0.9, 0.5, false, 0));
    double g = Steps.gradient(0, 0, 0.5, 1);
    assertEquals(0.5 - 0.1 * g, w[0][0], 1e-16);
  }

  @Test
  void step_plain_isTheSeedsRule() {
    double[][] w = Steps.afterOneStep(Optimizers.sgd(0.5));
    assertEquals(-0.3 - 0.5 * Steps.gradient(1, 1, -0.3, 1), w[1][1], 1e-16);
  }

  @Test
  void constructor_nesterovWithoutMomentum_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sgd(0.1, 0, 0, true, 0));
    assertEquals("sgd: nesterov needs a momentum above 0 and a dampening of 0, got momentum 0.0"
        + " and dampening 0.0", e.getMessage());
  }

  @Test
  void constructor_nesterovWithDampening_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sgd(0.1, 0.9, 0.1, true, 0));
    assertEquals("sgd: nesterov needs a momentum above 0 and a dampening of 0, got momentum 0.9"
        + " and dampening 0.1", e.getMessage());
  }

  @Test
  void constructor_badValues_rejectedWithTheirNames() {
    assertEquals("sgd: learningRate must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0, 0, 0, false, 0))
            .getMessage());
    assertEquals("sgd: learningRate must be positive and finite, got -0.01",
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(-0.01))
            .getMessage());
    assertEquals("sgd: momentum must be at least 0 and finite, got -0.5",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, -0.5, 0, false, 0))
            .getMessage());
    assertEquals("sgd: weightDecay must be at least 0 and finite, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0, 0, false, -1))
            .getMessage());
  }

  @Test
  void toString_showsTheSettings() {
    assertEquals("Sgd[learningRate=0.1, momentum=0.9, dampening=0.0, nesterov=true,"
        + " weightDecay=0.0]", new Sgd(0.1, 0.9, 0, true, 0).toString());
  }
}
