package io.github.backprop.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
  private static Tensor random(Random r, int rows, int cols) {
    double[][] v = new double[rows][cols];
    for (double[] row : v) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return Tensor.of(v);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void run_randomNetworks_agreeWithin1e7(long seed) {
    Random r = new Random(seed);
    List<Supplier<Activation>> kinds = List.of(TestActivations::sigmoid, TestActivations::tanh,
        TestActivations::identity);
    int inputs = 1 + r.nextInt(4);
    Network.Builder builder = Network.builder(inputs).seed(seed);
    int layers = 1 + r.nextInt(3);
    int width = 0;
    for (int l = 0; l < layers; l++) {
      width = 1 + r.nextInt(5);
      builder.dense(width, kinds.get(r.nextInt(kinds.size())).get());
    }
    Network network = builder.build();
    int batch = 1 + r.nextInt(6);
    Tensor x = random(r, batch, inputs);
    Tensor y = random(r, batch, width);
    List<Tensor> before = network.parameterValues();

    GradientCheckResult result = GradientCheck.run(network, TestLosses.squaredError(), x, y);

    assertTrue(result.passed(1e-7), result::toString);
    assertEquals(network.parameters().stream().mapToInt(p -> p.value().size()).sum(),
        result.checked());
    assertEquals(before, network.parameterValues(), "parameters restored exactly");
  }

  @Test
  void run_wrongDerivative_isCaught_andNamesTheActivation() {
    Network network = Network.builder(3)
        .dense(4, TestActivations.tanh())
        .dense(3, TestActivations.sigmoidWithWrongDerivative("my_sigmoid"))
        .dense(2, TestActivations.identity())
        .seed(9)
        .build();
    Random r = new Random(9);

    GradientCheckResult result = GradientCheck.run(network, TestLosses.squaredError(),
        random(r, 5, 3), random(r, 5, 2));

    assertFalse(result.passed(1e-7));
    assertTrue(result.relativeError() > 1e-4, result::toString);
    assertEquals("layers[1]", result.suspectLayer());
    assertEquals("my_sigmoid", result.suspectActivation());
    assertTrue(result.toString().contains("\"my_sigmoid\""), result::toString);
  }
}
