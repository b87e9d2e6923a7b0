package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.internal.SeededRandom;
import io.github.backprop.nn.Initializers;
import io.github.backprop.nn.Network;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How absent weights and biases are drawn: from {@code init}, seeded, in a fixed order. */
class NetworkSpecTest {
  @TempDir Path dir;

  private Network build(String network, long seed) {
    Path file = Cli.write(dir, "spec.json",
        "{\"format\": 1, \"seed\": " + seed + ", \"network\": " + network + "}");
    Spec spec = Spec.read(file, Cli.COMPONENTS);
    return spec.network("test").build(spec.seed());
  }

  private static final String TWO_LAYERS = """
      {"inputs": 3, "layers": [{"units": 4, "activation": "sigmoid"},
                               {"units": 2, "activation": "sigmoid"}]}
      """;

  @Test
  void absentWeightsAndBias_comeFromTheActivationsDefaultInitializerForBoth() {
    Network fromSpec = build(TWO_LAYERS, 7);
    // sigmoid's default is xavier_uniform; the same initializer fills the bias.
    Network expected = Network.builder(3)
        .dense(4, Cli.COMPONENTS.activation("sigmoid"), Initializers.xavierUniform(),
            Initializers.xavierUniform())
        .dense(2, Cli.COMPONENTS.activation("sigmoid"), Initializers.xavierUniform(),
            Initializers.xavierUniform())
        .seed(7)
        .build();
    assertEquals(expected.parameterValues(), fromSpec.parameterValues());
  }

  @Test
  void drawnValues_stayWithinTheXavierBound() {
    Network network = build(TWO_LAYERS, 1);
    double bound = Math.sqrt(6.0 / (3 + 4));
    for (double w : network.layers().get(0).weights().value().data()) {
      assertTrue(Math.abs(w) <= bound, "weight " + w);
    }
    for (double b : network.layers().get(0).bias().value().data()) {
      assertTrue(Math.abs(b) <= bound, "bias " + b);
    }
  }

  @Test
  void sameSeed_sameNetwork_otherSeed_otherNetwork() {
    assertEquals(build(TWO_LAYERS, 7).parameterValues(), build(TWO_LAYERS, 7).parameterValues());
    assertNotEquals(build(TWO_LAYERS, 7).parameterValues(),
        build(TWO_LAYERS, 8).parameterValues());
  }

  @Test
  void absentSeed_isZero() {
    Path file = Cli.write(dir, "spec.json", "{\"format\": 1, \"network\": " + TWO_LAYERS + "}");
    Spec spec = Spec.read(file, Cli.COMPONENTS);
    assertEquals(build(TWO_LAYERS, 0).parameterValues(),
        spec.network("test").build(spec.seed()).parameterValues());
  }

  @Test
  void explicitInit_withParameters_isUsedForWeightsAndBias() {
    Network network = build("""
        {"inputs": 2, "layers": [{"units": 2, "activation": "sigmoid",
           "init": {"name": "constant", "value": 0.25}}]}
        """, 3);
    for (double v : network.parameterValues().get(0).data()) {
      assertEquals(0.25, v);
    }
    for (double v : network.parameterValues().get(1).data()) {
      assertEquals(0.25, v);
    }
  }

  @Test
  void givenWeights_skipTheirDraws_biasDrawnInLayerOrder() {
    // Only layer 0's bias and layer 1 are drawn: the first draws of the generator go to
    // layer 0's bias (2 values), then layer 1's weights and bias.
    Network partly = build("""
        {"inputs": 2, "layers": [
          {"units": 2, "activation": "sigmoid", "init": {"name": "uniform", "low": 0, "high": 1},
           "weights": [[1, 2], [3, 4]]},
          {"units": 1, "activation": "sigmoid", "init": {"name": "uniform", "low": 0, "high": 1}}]}
        """, 5);
    SeededRandom random = new SeededRandom(5);
    double[] expected = new double[2 + 2 + 1];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = random.nextDouble();
    }
    double[] bias0 = partly.parameterValues().get(1).data();
    double[] weights1 = partly.parameterValues().get(2).data();
    double[] bias1 = partly.parameterValues().get(3).data();
    assertEquals(expected[0], bias0[0]);
    assertEquals(expected[1], bias0[1]);
    assertEquals(expected[2], weights1[0]);
    assertEquals(expected[3], weights1[1]);
    assertEquals(expected[4], bias1[0]);
    assertEquals(4.0, partly.parameterValues().get(0).get(1, 1));
  }

  @Test
  void classes_mustNameEachOutputOnce() {
    Path file = Cli.write(dir, "spec.json", """
        {"format": 1, "network": {"inputs": 1, "layers": [{"units": 2, "activation": "sigmoid"}],
                                  "classes": ["a", "a"]}}
        """);
    assertEquals(file + ": network.classes[1]: class \"a\" is listed twice",
        Cli.run("predict", file.toString(), "[[1]]").error());
    Path three = Cli.write(dir, "three.json", """
        {"format": 1, "network": {"inputs": 1, "layers": [{"units": 2, "activation": "sigmoid"}],
                                  "classes": ["a", "b", "c"]}}
        """);
    assertEquals(three + ": network.classes: expected 2 class names (one per output unit), got 3",
        Cli.run("predict", three.toString(), "[[1]]").error());
  }
}
