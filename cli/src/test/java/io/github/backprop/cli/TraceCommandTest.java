package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
  @TempDir Path dir;

  private String trace(String spec) {
    Cli.Result result = Cli.run("trace", Cli.write(dir, "spec.json", spec).toString());
    assertEquals(Main.OK, result.status(), result.err());
    return result.out();
  }

  @Test
  void trace_mazurExample_showsHisNumbersStepByStep() {
    String out = trace(Cli.MAZUR);
    // Forward pass: net_h1, out_h1, out_o1 and E_total of the worked example.
    assertTrue(out.contains("layers[0]  z = [0.3775, 0.3925]"), out);
    assertTrue(out.contains("a = [0.5932699921, 0.5968843783]"), out);
    assertTrue(out.contains("a = [0.7513650696, 0.7729284653]"), out);
    assertTrue(out.contains("C = 0.2983711088"), out);
    // BP1: dE/dout_o1 = 0.74136507, dout_o1/dnet_o1 = 0.186815602.
    assertTrue(out.contains("dC/da = [0.7413650696, -0.2170715347]"), out);
    assertTrue(out.contains("f'(z)  = [0.1868156018, 0.1755100528]"), out);
    // BP4 for w5, and the updated w5 to w8 and w1 to w4.
    assertTrue(out.contains("layers[1]  [[0.08216704056, 0.08266762785], [-0.02260254048,"
        + " -0.02274024222]]"), out);
    assertTrue(out.contains("W = [[0.3589164797, 0.4086661861], [0.5113012702, 0.5613701211]]"),
        out);
    assertTrue(out.contains("W = [[0.1497807161, 0.1995614323], [0.2497511436, 0.2995022873]]"),
        out);
  }

  @Test
  void trace_sections_comeInOrder() {
    String out = trace(Cli.MAZUR);
    int[] at = {
        out.indexOf("parameters before the step"), out.indexOf("forward pass"),
        out.indexOf("backward pass"), out.indexOf("BP1 layers[1]"), out.indexOf("BP2 layers[0]"),
        out.indexOf("BP3"), out.indexOf("BP4"), out.indexOf("parameters after one step of")};
    for (int i = 0; i < at.length; i++) {
      assertTrue(at[i] >= 0 && (i == 0 || at[i] > at[i - 1]), "section " + i + ":\n" + out);
    }
  }

  @Test
  void trace_recomputedBackprop_agreesWithTheGraph() {
    String out = trace(Cli.MAZUR.replace("\"batchSize\": 1", "\"batchSize\": 3")
        .replace("\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [[0.05, 0.10], [1, -1], [0.3, 0.7]],"
                + " \"targets\": [[0.01, 0.99], [1, 0], [0.5, 0.5]]"));
    Matcher m = Pattern.compile("largest difference (\\S+)").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.parseDouble(m.group(1)) < 1e-15, out);
    assertTrue(out.contains("factor 1/3"), out);
    assertTrue(out.contains("sample 3"), out);
  }

  @Test
  void trace_bigBatch_showsFirstSamplesAndCountsTheRest() {
    StringBuilder inputs = new StringBuilder();
    StringBuilder targets = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      inputs.append(i == 0 ? "" : ", ").append("[").append(i * 0.1).append(", 0.5]");
      targets.append(i == 0 ? "" : ", ").append("[0, 1]");
    }
    String out = trace(Cli.MAZUR.replace("\"batchSize\": 1", "\"batchSize\": 8")
        .replace("\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [" + inputs + "], \"targets\": [" + targets + "]"));
    assertTrue(out.contains("rows 1 to 8 of 10, in data order (batchSize 8)"), out);
    assertTrue(out.contains("... 4 more samples"), out);
    assertTrue(!out.contains("sample 5"), out);
  }

  @Test
  void trace_shuffled_saysSoAndUsesTheShuffledBatch() {
    String spec = Cli.MAZUR.replace("\"shuffle\": false", "\"shuffle\": true")
        .replace("\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [[0.05, 0.10], [1, -1], [0.3, 0.7]],"
                + " \"targets\": [[0.01, 0.99], [1, 0], [0.5, 0.5]]");
    String out = trace(spec);
    assertTrue(out.contains("1 of the 3 rows, the first batch after shuffling with seed 7"), out);
  }

  @Test
  void trace_withoutOptimizer_isRejected() {
    Path file = Cli.write(dir, "spec.json",
        Cli.MAZUR.replace("\"optimizer\": {\"name\": \"sgd\", \"learningRate\": 0.5},", ""));
    assertTrue(Cli.run("trace", file.toString()).error()
        .startsWith(file + ": optimizer: missing; trace needs an optimizer"));
  }

  /** The trace from "parameters after one step" on, without its title line. */
  private static String after(String trace) {
    String tail = trace.substring(trace.indexOf("parameters after one step of"));
    return tail.substring(tail.indexOf('\n'));
  }

  @Test
  void trace_schedule_stepsAtTheFirstEpochsLearningRate() {
    String scheduled = trace(Cli.MAZUR.replace("\"shuffle\": false", "\"shuffle\": false,"
        + " \"schedule\": {\"name\": \"warm_up\", \"epochs\": 2, \"startFactor\": 0.1}"));
    // Warm-up's first epoch runs at startFactor times the optimizer's rate: 0.1 * 0.5.
    String plain = trace(Cli.MAZUR.replace("\"learningRate\": 0.5", "\"learningRate\": 0.05"));
    assertTrue(scheduled.contains("the first epoch's learning rate, used by this step: 0.05"),
        scheduled);
    assertEquals(after(plain), after(scheduled));
    assertTrue(!after(plain).equals(after(trace(Cli.MAZUR))), "the rate must matter");
  }

  @Test
  void trace_clipping_showsTheGradientsAsComputedAndStepsWithClampedOnes() {
    String out = trace(Cli.MAZUR.replace("\"shuffle\": false",
        "\"shuffle\": false, \"clipGradientValue\": 0.01"));
    assertTrue(out.contains("each gradient below is clamped into [-0.01, 0.01] before the step"),
        out);
    // BP4 for w5 to w8 as Mazur computes it, unclamped.
    assertTrue(out.contains("layers[1]  [[0.08216704056, 0.08266762785], [-0.02260254048,"
        + " -0.02274024222]]"), out);
    // The step: w5 to w8 and both output biases move by 0.5 * 0.01; w1 to w4, whose gradients
    // are below 0.01, take Mazur's unclipped step.
    String after = after(out);
    assertTrue(after.contains("W = [[0.395, 0.445], [0.505, 0.555]]"), after);
    assertTrue(after.contains("b = [0.595, 0.605]"), after);
    assertTrue(after.contains("W = [[0.1497807161, 0.1995614323], [0.2497511436, 0.2995022873]]"),
        after);
  }
}
