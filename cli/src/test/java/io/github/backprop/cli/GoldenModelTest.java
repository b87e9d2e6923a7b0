package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model saved by release 0.1.0 (format 1) still loads and predicts what its weights say. Each
 * release adds its own file here; none is ever edited, so a change that breaks reading old
 * models fails this test.
 */
class GoldenModelTest {
  private static final String[] RELEASES = {"0.1.0"};

  @TempDir Path dir;

  @Test
  void savedModels_ofEveryRelease_predictWhatTheirWeightsSay() throws IOException {
    for (String release : RELEASES) {
      Path model = copy("golden/model-format1-" + release + ".json");
      double[][] rows = {{0.3, -0.2}, {1.5, 2.0}, {-1, 0}};

      JsonNode out = Cli.run("predict", model.toString(), "[[0.3, -0.2], [1.5, 2.0], [-1, 0]]")
          .json();

      JsonNode layers = Json.parse(Files.readAllBytes(model), model.toString())
          .get("network").get("layers");
      for (int r = 0; r < rows.length; r++) {
        double[] expected = forward(layers, rows[r]);
        for (int j = 0; j < expected.length; j++) {
          assertEquals(expected[j], out.get("outputs").get(r).get(j).asDouble(), 1e-15,
              release + " row " + r + " output " + j);
        }
      }
    }
  }

  /** leaky_relu (alpha from the file) then softmax, by plain loops over the saved weights. */
  private static double[] forward(JsonNode layers, double[] x) {
    double alpha = layers.get(0).get("activation").get("alpha").asDouble();
    double[] h = affine(layers.get(0), x);
    for (int j = 0; j < h.length; j++) {
      h[j] = h[j] > 0 ? h[j] : alpha * h[j];
    }
    double[] z = affine(layers.get(1), h);
    double max = Math.max(z[0], z[1]);
    double e0 = Math.exp(z[0] - max);
    double e1 = Math.exp(z[1] - max);
    return new double[] {e0 / (e0 + e1), e1 / (e0 + e1)};
  }

  private static double[] affine(JsonNode layer, double[] in) {
    JsonNode w = layer.get("weights");
    double[] z = new double[w.size()];
    for (int j = 0; j < z.length; j++) {
      z[j] = layer.get("bias").get(j).asDouble();
      for (int k = 0; k < in.length; k++) {
        z[j] += w.get(j).get(k).asDouble() * in[k];
      }
    }
    return z;
  }

  private Path copy(String resource) throws IOException {
    Path file = dir.resolve(Path.of(resource).getFileName());
    try (InputStream in = GoldenModelTest.class.getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }
}
