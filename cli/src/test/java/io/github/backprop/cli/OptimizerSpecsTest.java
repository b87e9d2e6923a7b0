package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimizers named in a spec, with their parameters, update as torch.optim's rules say: checked
 * against the rules written out in plain loops over the reference network's gradients.
 */
class OptimizerSpecsTest {
  @TempDir Path dir;

  private static final double[][] X = {{0.05, 0.10}, {0.3, -0.2}};
  private static final double[][] Y = {{0.01, 0.99}, {1, 0}};

  private static Reference mazur() {
    return new Reference(
        new double[][][] {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}},
        new double[][] {{0.35, 0.35}, {0.60, 0.60}});
  }

  private JsonNode train(String optimizer, int epochs) {
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR
        .replace("{\"name\": \"sgd\", \"learningRate\": 0.5}", optimizer)
        .replace("\"epochs\": 1", "\"epochs\": " + epochs)
        .replace("\"batchSize\": 1", "\"batchSize\": 2")
        .replace("\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [[0.05, 0.10], [0.3, -0.2]], \"targets\": [[0.01, 0.99], [1, 0]]"));
    return Cli.run("train", spec.toString()).json();
  }

  /** Applies {@code update} to every weight and bias, in one flat index order. */
  private interface Update {
    double apply(int index, double value, double gradient);
  }

  private static void step(Reference ref, Update update) {
    Object[] g = ref.gradients(X, Y);
    double[][][] gw = (double[][][]) g[0];
    double[][] gb = (double[][]) g[1];
    int index = 0;
    for (int l = 0; l < ref.w.length; l++) {
      for (int j = 0; j < ref.w[l].length; j++) {
        for (int k = 0; k < ref.w[l][j].length; k++) {
          ref.w[l][j][k] = update.apply(index++, ref.w[l][j][k], gw[l][j][k]);
        }
      }
      for (int j = 0; j < ref.b[l].length; j++) {
        ref.b[l][j] = update.apply(index++, ref.b[l][j], gb[l][j]);
      }
    }
  }

  @Test
  void adam_defaultsAndSteps_followTorchOptimAdam() {
    JsonNode out = train("{\"name\": \"adam\", \"learningRate\": 0.01}", 4);
    Reference ref = mazur();
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    double[] m = new double[12];
    double[] v = new double[12];
    for (int t = 1; t <= 4; t++) {
      int step = t;
      step(ref, (i, w, g) -> {
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        double mHat = m[i] / (1 - Math.pow(beta1, step));
        double vHat = v[i] / (1 - Math.pow(beta2, step));
        return w - 0.01 * mHat / (Math.sqrt(vHat) + epsilon);
      });
    }
    TrainCommandTest.assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void sgdWithMomentum_followsTorchOptimSgd() {
    JsonNode out = train("{\"name\": \"sgd\", \"learningRate\": 0.5, \"momentum\": 0.9}", 3);
    Reference ref = mazur();
    double[] buffer = new double[12];
    boolean[] started = new boolean[12];
    for (int t = 0; t < 3; t++) {
      step(ref, (i, w, g) -> {
        buffer[i] = started[i] ? 0.9 * buffer[i] + g : g;
        started[i] = true;
        return w - 0.5 * buffer[i];
      });
    }
    TrainCommandTest.assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void unknownAdamParameter_isRejected() {
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR.replace(
        "{\"name\": \"sgd\", \"learningRate\": 0.5}", "{\"name\": \"adam\", \"beta\": 0.9}"));
    String error = Cli.run("train", spec.toString()).error();
    assertEquals(spec + ": optimizer: adam: unknown parameter beta; known parameters: ",
        error.substring(0, error.indexOf("known parameters: ") + "known parameters: ".length()));
  }
}
