package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop.nn.Initializers;
import io.github.backprop.nn.Network;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs using parameterised activations and the softmax / cross-entropy pairing, checked against
 * forward passes written out in plain loops and central finite differences.
 */
class ActivationSpecsTest {
  @TempDir Path dir;

  /** The spec of the contract, verbatim. */
  static final String ISSUE_SPEC = """
      {
        "format": 1,
        "seed": 7,
        "network": {
          "inputs": 2,
          "layers": [
            {"units": 2, "activation": "sigmoid",
             "weights": [[0.15, 0.20], [0.25, 0.30]],
             "bias": [0.35, 0.35]},
            {"units": 2, "activation": {"name": "leaky_relu", "alpha": 0.1},
             "init": "he_uniform"}
          ]
        },
        "loss": "squared_error",
        "optimizer": {"name": "sgd", "learningRate": 0.5},
        "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]},
        "training": {"epochs": 1, "batchSize": 1, "shuffle": false}
      }
      """;

  @Test
  void issueSpec_gradients_matchFiniteDifferences() {
    Path spec = Cli.write(dir, "issue.json", ISSUE_SPEC);
    JsonNode gradients = Cli.run("gradients", spec.toString()).json();
    Path initial = Cli.write(dir, "initial.json", ISSUE_SPEC.replace("\"epochs\": 1",
        "\"epochs\": 0"));
    double[][][] w = weights(Cli.run("train", initial.toString()).json());
    double bound = Math.sqrt(6.0 / 2);  // he_uniform, fan-in 2
    for (double[] row : w[2]) {
      assertTrue(Math.abs(row[0]) <= bound && Math.abs(row[1]) <= bound);
    }
    ToDoubleFunction<double[][][]> loss = p -> {
      double[] x = {0.05, 0.10};
      double[] y = {0.01, 0.99};
      double[] h = new double[2];
      for (int j = 0; j < 2; j++) {
        h[j] = Reference.sigmoid(p[0][j][0] * x[0] + p[0][j][1] * x[1] + p[1][0][j]);
      }
      double c = 0;
      for (int j = 0; j < 2; j++) {
        double z = p[2][j][0] * h[0] + p[2][j][1] * h[1] + p[3][0][j];
        double o = z > 0 ? z : 0.1 * z;
        c += 0.5 * (y[j] - o) * (y[j] - o);
      }
      return c;
    };
    assertEquals(loss.applyAsDouble(w), gradients.get("loss").doubleValue(), 1e-15);
    assertFiniteDifferences(loss, w, gradients);
  }

  @Test
  void issueSpec_train_writesActivationWithItsParameters() {
    Path spec = Cli.write(dir, "issue.json", ISSUE_SPEC);
    Path model = dir.resolve("model.json");
    JsonNode out = Cli.run("train", spec.toString(), "--save", model.toString()).json();
    JsonNode activation = out.get("network").get("layers").get(1).get("activation");
    assertEquals("leaky_relu", activation.get("name").textValue());
    assertEquals(0.1, activation.get("alpha").doubleValue());
    assertEquals(out.get("network"), Json.read(model).get("network"));
    assertEquals(out.get("finalLoss").doubleValue(),
        Cli.run("train", model.toString()).json().get("initialLoss").doubleValue());
  }

  @Test
  void softmaxWithCrossEntropy_gradients_matchFiniteDifferences() {
    Path spec = Cli.write(dir, "ce.json", """
        {"format": 1, "seed": 4,
         "network": {"inputs": 2, "layers": [
           {"units": 3, "activation": "tanh"}, {"units": 3, "activation": "softmax"}]},
         "loss": "cross_entropy", "optimizer": {"name": "sgd", "learningRate": 0.1},
         "data": {"inputs": [[0.5, -1], [1, 1], [-0.3, 0.2]],
                  "targets": [[1, 0, 0], [0, 0, 1], [0.2, 0.3, 0.5]]},
         "training": {"epochs": 0}}
        """);
    JsonNode gradients = Cli.run("gradients", spec.toString()).json();
    double[][][] w = weights(Cli.run("train", spec.toString()).json());
    double[][] x = {{0.5, -1}, {1, 1}, {-0.3, 0.2}};
    double[][] y = {{1, 0, 0}, {0, 0, 1}, {0.2, 0.3, 0.5}};
    ToDoubleFunction<double[][][]> loss = p -> {
      double sum = 0;
      for (int r = 0; r < x.length; r++) {
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
          h[j] = Math.tanh(p[0][j][0] * x[r][0] + p[0][j][1] * x[r][1] + p[1][0][j]);
        }
        double[] z = new double[3];
        double norm = 0;
        for (int j = 0; j < 3; j++) {
          z[j] = p[3][0][j];
          for (int k = 0; k < 3; k++) {
            z[j] += p[2][j][k] * h[k];
          }
          norm += Math.exp(z[j]);
        }
        for (int j = 0; j < 3; j++) {
          sum -= y[r][j] * Math.log(Math.exp(z[j]) / norm);
        }
      }
      return sum / x.length;
    };
    assertEquals(loss.applyAsDouble(w), gradients.get("loss").doubleValue(), 1e-14);
    assertFiniteDifferences(loss, w, gradients);
  }

  @Test
  void softmaxWithCrossEntropy_trace_showsTheFusedOutputDelta() {
    Path spec = Cli.write(dir, "ce.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "softmax",
           "weights": [[1], [-1]], "bias": [0, 0]}]},
         "loss": "cross_entropy", "optimizer": {"name": "sgd", "learningRate": 0.1},
         "data": {"inputs": [[0.5]], "targets": [[0, 1]]}}
        """);
    Cli.Result result = Cli.run("trace", spec.toString());
    assertEquals(Main.OK, result.status(), result.err());
    // a = softmax([0.5, -0.5]); delta = a - y.
    double a0 = Math.exp(0.5) / (Math.exp(0.5) + Math.exp(-0.5));
    String expected = "BP1 layers[0]  delta = [" + Numbers.format(a0, 10) + ", "
        + Numbers.format(1 - a0 - 1, 10) + "]  (cross_entropy computes it fused with softmax";
    assertTrue(result.out().contains(expected), expected + " in\n" + result.out());
  }

  @Test
  void softmaxWithSquaredError_trace_usesTheJacobian() {
    Path spec = Cli.write(dir, "se.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "softmax"}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 0.1},
         "data": {"inputs": [[0.5]], "targets": [[0, 1]]}}
        """);
    Cli.Result result = Cli.run("trace", spec.toString());
    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(result.out().contains("delta = J_f(z)^T dC/da = ")
        && result.out().contains("(softmax acts on the whole row)"), result.out());
  }

  @Test
  void crossEntropyOnUnboundedOutputs_isReportedAgainstTheLoss() {
    Path spec = Cli.write(dir, "bad.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "identity",
           "weights": [[1], [-1]], "bias": [0, 0]}]},
         "loss": "cross_entropy",
         "data": {"inputs": [[0.5]], "targets": [[0, 1]]}}
        """);
    String error = Cli.run("gradients", spec.toString()).error();
    assertTrue(error.startsWith(spec + ": loss: cross_entropy: output row 0, column 1 is -0.5,"
        + " not a probability in [0, 1]"), error);
  }

  @Test
  void crossEntropyTargetsNotDistributions_areRejectedWithTheJsonPath() {
    Path spec = Cli.write(dir, "bad.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "softmax"}]},
         "loss": "cross_entropy",
         "data": {"inputs": [[0.5]], "targets": [[0.5, 0.7]]}}
        """);
    String error = Cli.run("gradients", spec.toString()).error();
    assertTrue(error.startsWith(spec + ": data.targets: row 0 sums to 1.2"), error);
    assertTrue(error.contains("cross_entropy needs each target row to sum to 1"), error);
  }

  @Test
  void divergingRegression_isReportedAsBadInput() {
    Path spec = Cli.write(dir, "s.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 1, "activation": "identity",
           "weights": [[1]], "bias": [0]}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 10},
         "data": {"inputs": [[100], [-100]], "targets": [[1], [-1]]},
         "training": {"epochs": 100, "batchSize": 1}}
        """);
    String error = Cli.run("train", spec.toString()).error();
    assertTrue(error.startsWith(spec + ": training diverged: "), error);
  }

  @Test
  void relu_absentInit_isHeUniform() {
    Path file = Cli.write(dir, "relu.json", """
        {"format": 1, "seed": 9, "network": {"inputs": 4, "layers": [
          {"units": 5, "activation": "relu"},
          {"units": 3, "activation": {"name": "leaky_relu", "alpha": 0.2}}]}}
        """);
    Spec spec = Spec.read(file, Cli.COMPONENTS);
    Network expected = Network.builder(4)
        .dense(5, Cli.COMPONENTS.activation("relu"), Initializers.heUniform(),
            Initializers.heUniform())
        .dense(3, Cli.COMPONENTS.activation("leaky_relu", Map.of("alpha", 0.2)),
            Initializers.heUniform(), Initializers.heUniform())
        .seed(9)
        .build();
    assertEquals(expected.parameterValues(),
        spec.network("test").build(spec.seed()).parameterValues());
  }

  @Test
  void predict_crossEntropyModelWithoutClassNames_predictsIndices() {
    Path model = Cli.write(dir, "m.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 3, "activation": "softmax",
           "weights": [[1], [0], [-1]], "bias": [0, 0, 0]}]},
         "loss": "cross_entropy"}
        """);
    JsonNode out = Cli.run("predict", model.toString(), "[[2], [0.1], [-3]]").json();
    assertEquals("[0,0,2]", out.get("predicted").toString());
  }

  /** Weights then biases of each layer as one list: p[2l] = W, p[2l+1] = {b}. */
  private static double[][][] weights(JsonNode trainOutput) {
    JsonNode layers = trainOutput.get("network").get("layers");
    double[][][] p = new double[2 * layers.size()][][];
    for (int l = 0; l < layers.size(); l++) {
      p[2 * l] = Json.MAPPER.convertValue(layers.get(l).get("weights"), double[][].class);
      p[2 * l + 1] = new double[][] {
          Json.MAPPER.convertValue(layers.get(l).get("bias"), double[].class)};
    }
    return p;
  }

  private static void assertFiniteDifferences(ToDoubleFunction<double[][][]> loss,
      double[][][] p, JsonNode gradients) {
    double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      JsonNode layer = gradients.get("layers").get(i / 2);
      for (int j = 0; j < p[i].length; j++) {
        for (int k = 0; k < p[i][j].length; k++) {
          double saved = p[i][j][k];
          p[i][j][k] = saved + h;
          double up = loss.applyAsDouble(p);
          p[i][j][k] = saved - h;
          double down = loss.applyAsDouble(p);
          p[i][j][k] = saved;
          double actual = i % 2 == 0
              ? layer.get("weights").get(j).get(k).doubleValue()
              : layer.get("bias").get(k).doubleValue();
          assertEquals((up - down) / (2 * h), actual, 1e-8, "parameter " + i + "," + j + "," + k);
        }
      }
    }
  }
}
