package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.data.Dataset;
import io.github.backprop.internal.SeededRandom;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved models read back exactly: every weight to the bit, so every prediction to the bit. */
class ModelFileTest {
  @TempDir Path dir;

  @Test
  void savedModel_readBack_givesBitIdenticalParametersAndPredictions() throws IOException {
    Path specFile = Cli.write(dir, "spec.json", """
        {"format": 1, "seed": 99,
         "network": {"inputs": 5, "layers": [
           {"units": 7, "activation": "sigmoid"}, {"units": 3, "activation": "sigmoid"}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 0.3},
         "data": {"inputs": [[1, 2, 3, 4, 5]], "targets": [[0, 1, 0]]}}
        """);
    Spec spec = Spec.read(specFile, Cli.COMPONENTS);
    Network network = spec.network("test").build(spec.seed());
    RandomGenerator random = new SeededRandom(3);
    Tensor x = random(random, 50, 5);
    Tensor y = random(random, 50, 3);
    Trainer.builder().loss(spec.loss("test")).optimizer(Cli.COMPONENTS.optimizer("sgd",
        Map.of("learningRate", 0.7))).epochs(7).batchSize(8).build()
        .fit(network, new Dataset(x, y));

    Path model = dir.resolve("model.json");
    ModelFile.save(model, spec, network, null, null);
    Spec loaded = Spec.read(model, Cli.COMPONENTS);
    Network restored = loaded.network("test").build(loaded.seed());

    assertEquals(network.parameterValues(), restored.parameterValues());
    Tensor probe = random(random, 200, 5);
    assertEquals(network.predict(probe), restored.predict(probe));
  }

  @Test
  void numbers_writtenAndReadBack_areTheSameDoubles() {
    double[] values = {0.1 + 0.2, Math.PI, -Math.E, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE,
        2.0e23, 4.9e-324, 1.0 / 3, -0.0, 123456789.123456789, 5e-324 * 3};
    RandomGenerator random = new SeededRandom(17);
    Tensor t = Tensor.zeros(4, values.length);
    for (int c = 0; c < values.length; c++) {
      t.set(0, c, values[c]);
      t.set(1, c, random.nextGaussian());
      t.set(2, c, Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
      t.set(3, c, random.nextDouble() * 1e-10);
    }
    String text = Json.write(Json.array(t));
    double[][] back = Json.MAPPER.convertValue(Json.parse(text.getBytes(), "t"),
        double[][].class);
    for (int r = 0; r < t.rows(); r++) {
      for (int c = 0; c < t.cols(); c++) {
        assertEquals(Double.doubleToRawLongBits(t.get(r, c)),
            Double.doubleToRawLongBits(back[r][c]), text);
      }
    }
  }

  private static Tensor random(RandomGenerator random, int rows, int cols) {
    Tensor t = Tensor.zeros(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = random.nextGaussian();
    }
    return t;
  }
}
