package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The step-by-step example against Mazur's published numbers and against an independent
 * plain-loop implementation of the same training (sigmoid units, J = 1/2 sum (t - a)^2, biases
 * fixed, learning rate 0.5).
 */
class StepByStepTest {
  private static final double[] INPUT = {0.05, 0.10};
  private static final double[] TARGET = {0.01, 0.99};

  @Test
  void run_firstStep_matchesThePublishedNumbers() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    StepByStep.Result r = StepByStep.run(1, new PrintStream(text, true, StandardCharsets.UTF_8));

    assertEquals(0.298371109, r.initialError(), 5e-10);
    // w1 ... w8 after one update, as published
    double[] published = {0.149780716, 0.19956143, 0.24975114, 0.29950229,
        0.35891648, 0.408666186, 0.511301270, 0.561370121};
    assertArrayEquals(published, r.updatedWeights(), 1e-8);
    String printed = text.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("= 0.274811083 + 0.023560026 = 0.298371109"), printed);
    assertTrue(printed.contains("0.741365070 x 0.186815602 x 0.593269992 = 0.082167041"), printed);
  }

  @Test
  void run_manyIterations_matchesPlainLoopsAndThePublishedError() {
    StepByStep.Result r = StepByStep.run(10_000, new PrintStream(new ByteArrayOutputStream(),
        true, StandardCharsets.UTF_8));

    double[] w = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    step(w);
    assertEquals(error(w), r.errorAfterOne(), 1e-14);
    for (int i = 2; i <= 10_000; i++) {
      step(w);
    }
    assertEquals(error(w), r.finalError(), 1e-14);
    assertEquals(0.0000351085, r.finalError(), 0.0000351085 * 1e-3, "published after 10000");
    assertEquals(0.01, r.finalOutputs()[0], 0.01);
    assertEquals(0.99, r.finalOutputs()[1], 0.01);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Outputs h1, h2, o1, o2 for weights w1 ... w8 with b1 = 0.35, b2 = 0.60. */
  private static double[] forward(double[] w) {
    double h1 = sigmoid(w[0] * INPUT[0] + w[1] * INPUT[1] + 0.35);
    double h2 = sigmoid(w[2] * INPUT[0] + w[3] * INPUT[1] + 0.35);
    double o1 = sigmoid(w[4] * h1 + w[5] * h2 + 0.60);
    double o2 = sigmoid(w[6] * h1 + w[7] * h2 + 0.60);
    return new double[] {h1, h2, o1, o2};
  }

  private static double error(double[] w) {
    double[] f = forward(w);
    return 0.5 * Math.pow(TARGET[0] - f[2], 2) + 0.5 * Math.pow(TARGET[1] - f[3], 2);
  }

  /** One gradient-descent step on w1 ... w8, all gradients from the weights before the step. */
  private static void step(double[] w) {
    double[] f = forward(w);
    double d1 = (f[2] - TARGET[0]) * f[2] * (1 - f[2]);
    double d2 = (f[3] - TARGET[1]) * f[3] * (1 - f[3]);
    double dh1 = (d1 * w[4] + d2 * w[6]) * f[0] * (1 - f[0]);
    double dh2 = (d1 * w[5] + d2 * w[7]) * f[1] * (1 - f[1]);
    double[] g = {dh1 * INPUT[0], dh1 * INPUT[1], dh2 * INPUT[0], dh2 * INPUT[1],
        d1 * f[0], d1 * f[1], d2 * f[0], d2 * f[1]};
    for (int i = 0; i < 8; i++) {
      w[i] -= 0.5 * g[i];
    }
  }
}
