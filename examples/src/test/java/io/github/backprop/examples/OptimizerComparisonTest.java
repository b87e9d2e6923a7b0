package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerComparisonTest {
  @Test
  void run_fewEpochs_everyOptimizerLowersTheLossAndAllShareOnePlot(@TempDir Path dir)
      throws Exception {
    OptimizerComparison.Result r = OptimizerComparison.run(20, dir, new Output().stream);

    assertTrue(r.losses().keySet().containsAll(
        java.util.List.of("sgd", "sgd, momentum 0.9", "adam")), r.losses().keySet().toString());
    for (Map.Entry<String, double[]> run : r.losses().entrySet()) {
      double[] curve = run.getValue();
      assertTrue(curve.length == 20, run.getKey());
      assertTrue(curve[19] < curve[0], run.getKey() + ": " + curve[0] + " -> " + curve[19]);
    }
    Output.assertPng(dir.resolve("optimizers.png"), Plots.WIDTH, Plots.HEIGHT);
  }
}
