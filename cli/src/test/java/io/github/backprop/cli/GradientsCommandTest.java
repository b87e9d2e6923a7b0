package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientsCommandTest {
  @TempDir Path dir;

  @Test
  void gradients_mazurExample_matchPublishedValues() {
    JsonNode out = Cli.run("gradients", Cli.write(dir, "mazur.json", Cli.MAZUR).toString())
        .json();
    // Mazur, "A Step by Step Backpropagation Example": E_total, dE/dw5 and dE/dw1.
    assertEquals(0.298371109, out.get("loss").doubleValue(), 5e-10);
    JsonNode hidden = out.get("layers").get(0);
    JsonNode output = out.get("layers").get(1);
    assertEquals(0.082167041, output.get("weights").get(0).get(0).doubleValue(), 5e-10);
    assertEquals(0.000438568, hidden.get("weights").get(0).get(0).doubleValue(), 5e-10);
  }

  @Test
  void gradients_mazurExample_matchHandComputedBackprop() {
    JsonNode out = Cli.run("gradients", Cli.write(dir, "mazur.json", Cli.MAZUR).toString())
        .json();
    Reference ref = new Reference(
        new double[][][] {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}},
        new double[][] {{0.35, 0.35}, {0.60, 0.60}});
    double[][] x = {{0.05, 0.10}};
    double[][] y = {{0.01, 0.99}};
    assertEquals(ref.meanLoss(x, y), out.get("loss").doubleValue(), 1e-15);
    assertGradients(ref.gradients(x, y), out, 1e-15);
  }

  @Test
  void gradients_batchOfRows_areGradientOfMeanLossByFiniteDifferences() {
    String spec = """
        {"format": 1, "seed": 11,
         "network": {"inputs": 3, "layers": [
           {"units": 4, "activation": "sigmoid"},
           {"units": 2, "activation": "sigmoid",
            "init": {"name": "uniform", "low": -1, "high": 1}}]},
         "loss": "squared_error",
         "optimizer": {"name": "sgd", "learningRate": 0.1},
         "training": {"epochs": 0},
         "data": {"inputs": [[0.5, -1, 2], [0.1, 0.2, 0.3], [-2, 0, 1], [1, 1, 1], [0, -0.5, 0.25]],
                  "targets": [[1, 0], [0, 1], [0.5, 0.5], [1, 1], [0, 0]]}}
        """;
    Path file = Cli.write(dir, "spec.json", spec);
    JsonNode gradients = Cli.run("gradients", file.toString()).json();
    // With 0 epochs, train prints the network as initialized from the seed.
    Reference ref = referenceOf(Cli.run("train", file.toString()).json());
    double[][] x = {{0.5, -1, 2}, {0.1, 0.2, 0.3}, {-2, 0, 1}, {1, 1, 1}, {0, -0.5, 0.25}};
    double[][] y = {{1, 0}, {0, 1}, {0.5, 0.5}, {1, 1}, {0, 0}};
    assertEquals(ref.meanLoss(x, y), gradients.get("loss").doubleValue(), 1e-15);
    double h = 1e-6;
    for (int l = 0; l < ref.w.length; l++) {
      JsonNode layer = gradients.get("layers").get(l);
      for (int j = 0; j < ref.w[l].length; j++) {
        for (int k = 0; k < ref.w[l][j].length; k++) {
          double saved = ref.w[l][j][k];
          ref.w[l][j][k] = saved + h;
          double up = ref.meanLoss(x, y);
          ref.w[l][j][k] = saved - h;
          double down = ref.meanLoss(x, y);
          ref.w[l][j][k] = saved;
          assertEquals((up - down) / (2 * h),
              layer.get("weights").get(j).get(k).doubleValue(), 1e-9, "w" + l + j + k);
        }
        double saved = ref.b[l][j];
        ref.b[l][j] = saved + h;
        double up = ref.meanLoss(x, y);
        ref.b[l][j] = saved - h;
        double down = ref.meanLoss(x, y);
        ref.b[l][j] = saved;
        assertEquals((up - down) / (2 * h), layer.get("bias").get(j).doubleValue(), 1e-9,
            "b" + l + j);
      }
    }
  }

  @Test
  void gradients_withoutLoss_reportsMissingLoss() {
    Path file = Cli.write(dir, "spec.json", Cli.MAZUR.replace("\"loss\": \"squared_error\",",
        ""));
    assertEquals(file + ": loss: missing; gradients needs a loss, as in \"loss\": "
        + "\"squared_error\"", Cli.run("gradients", file.toString()).error());
  }

  /** A reference network holding the weights of a train command's output network. */
  static Reference referenceOf(JsonNode trainOutput) {
    JsonNode layers = trainOutput.get("network").get("layers");
    double[][][] w = new double[layers.size()][][];
    double[][] b = new double[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      JsonNode weights = layers.get(l).get("weights");
      w[l] = new double[weights.size()][];
      for (int j = 0; j < weights.size(); j++) {
        w[l][j] = new double[weights.get(j).size()];
        for (int k = 0; k < w[l][j].length; k++) {
          w[l][j][k] = weights.get(j).get(k).doubleValue();
        }
      }
      JsonNode bias = layers.get(l).get("bias");
      b[l] = new double[bias.size()];
      for (int j = 0; j < b[l].length; j++) {
        b[l][j] = bias.get(j).doubleValue();
      }
    }
    return new Reference(w, b);
  }

  static void assertGradients(Object[] expected, JsonNode out, double tolerance) {
    double[][][] gw = (double[][][]) expected[0];
    double[][] gb = (double[][]) expected[1];
    for (int l = 0; l < gw.length; l++) {
      JsonNode layer = out.get("layers").get(l);
      for (int j = 0; j < gw[l].length; j++) {
        assertEquals(gb[l][j], layer.get("bias").get(j).doubleValue(), tolerance);
        for (int k = 0; k < gw[l][j].length; k++) {
          assertEquals(gw[l][j][k], layer.get("weights").get(j).get(k).doubleValue(),
              tolerance);
        }
      }
    }
  }

  @Test
  void gradients_lossThatOverflows_isAnError_notAResult() {
    // identity layers, an output weight of 1e308: the outputs and the loss overflow
    Path spec = Cli.write(dir, "s.json", Cli.MAZUR.replace("sigmoid", "identity")
        .replace("[[0.40, 0.45], [0.50, 0.55]]", "[[1e308, 1e308], [0.50, 0.55]]")
        .replace("[[0.05, 0.10]]", "[[10, 10]]"));
    assertEquals(spec + ": the loss over the data is Infinity at the network's weights: they or"
        + " the inputs are too large (an overflow); try smaller weights or scaled inputs",
        Cli.run("gradients", spec.toString()).error());
  }
}
