package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XorTest {
  private final Output output = new Output();

  @Test
  void run_defaultSettings_sigmoidLearnsAndStepDoesNot() {
    Xor.Result r = Xor.run(Xor.EPOCHS, output.stream);

    double[] targets = {0, 1, 1, 0};
    for (int i = 0; i < 4; i++) {
      assertEquals(targets[i], r.learned()[i], 0.1, "sigmoid network, row " + i);
    }
    assertEquals(0.0, r.stepLargestGradient(), "every step-network gradient is exactly 0");
    assertEquals(r.stepLossBefore(), r.stepLossAfter(), "so its loss never changes");
    boolean anyWrong = false;
    for (int i = 0; i < 4; i++) {
      anyWrong |= Math.abs(targets[i] - r.stepOutputs()[i]) >= 0.1;
    }
    assertTrue(anyWrong, "the step network should not solve XOR");
    assertTrue(output.text().contains("step'(z) = 0"), output.text());
  }
}
