package io.github.backprop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import org.junit.jupiter.api.Test;

/** The workload's definition and the command line, on a few rows (never the full run). */
class MnistMlpTest {
  @Test
  void data_isDeterministicUniformInputsWithOneHotTargets() {
    Dataset data = MnistMlp.data(200);

    assertEquals(200, data.size());
    assertEquals(MnistMlp.INPUTS, data.inputWidth());
    assertEquals(MnistMlp.CLASSES, data.targets().cols());
    for (double v : data.inputs().data()) {
      assertTrue(v >= 0 && v < 1, "input " + v);
    }
    for (int r = 0; r < data.size(); r++) {
      double sum = 0;
      for (double v : data.targets().row(r)) {
        assertTrue(v == 0 || v == 1, "row " + r);
        sum += v;
      }
      assertEquals(1, sum, "row " + r);
    }
    assertEquals(data.inputs(), MnistMlp.data(200).inputs());
    assertEquals(data.targets(), MnistMlp.data(200).targets());
    // the first rows do not depend on how many are drawn
    assertEquals(data.slice(0, 50).targets(), MnistMlp.data(50).targets());
  }

  @Test
  void network_is784To256To128To10ReluReluSoftmax() {
    try (var workers = io.github.backprop.kernels.WorkerPool.create(1)) {
      Network network = MnistMlp.network(workers);
      assertEquals("Network[784-256(relu)-128(relu)-10(softmax)]", network.toString());
    }
  }

  @Test
  void intOption_badValues_failNamingTheOption() {
    String[] args = {"--threads", "zero", "--epochs", "0"};
    assertEquals("--threads: expected a whole number, got zero",
        assertThrows(IllegalArgumentException.class,
            () -> Main.intOption(args, 1, "--threads", 1)).getMessage());
    assertEquals("--epochs: must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> Main.intOption(args, 3, "--epochs", 1)).getMessage());
    assertEquals("--epochs: missing value",
        assertThrows(IllegalArgumentException.class,
            () -> Main.intOption(args, 4, "--epochs", 1)).getMessage());
  }

  @Test
  void median_oddAndEvenCounts() {
    assertEquals(2.0, EndToEnd.median(new double[] {3, 1, 2}));
    assertEquals(2.5, EndToEnd.median(new double[] {4, 1, 3, 2}));
  }
}
