package io.github.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestLosses;
import io.github.backprop.train.Gradients;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a network with workers, the engine cuts a large batch of an element-wise activation into
 * one range per thread. Every activation must then write exactly its range: the outputs and
 * gradients must equal, bit for bit, those of the same network on one thread.
 */
class SplitBatchTest {
  private static final int ROWS = 128;
  private static final int INPUTS = 40;
  private static final int UNITS = 96; // 128 x 96 outputs: large enough to be cut

  private static WorkerPool workers;

  @BeforeAll
  static void start() {
    workers = WorkerPool.create(3);
  }

  @AfterAll
  static void stop() {
    workers.close();
  }

  static Stream<Activation> elementwise() {
    return Stream.of(Activations.identity(), Activations.step(), Activations.sigmoid(),
        Activations.tanh(), Activations.relu(), Activations.leakyRelu(), Activations.elu(),
        Activations.selu(), Activations.celu(), Activations.gelu(), Activations.gelu("tanh"),
        Activations.softplus(), Activations.silu(), Activations.mish(), Activations.softsign(),
        Activations.hardTanh(), Activations.hardSigmoid(), Activations.hardSwish());
  }

  private static Network network(Activation activation, WorkerPool pool) {
    Network.Builder builder = Network.builder(INPUTS).dense(UNITS, activation).seed(7);
    return (pool == null ? builder : builder.workers(pool)).build();
  }

  /** The outputs, then every parameter's gradient of a squared-error loss. */
  private static List<Tensor> run(Network network, Tensor x, Tensor y) {
    List<Tensor> results = new ArrayList<>();
    results.add(network.predict(x));
    Gradients.compute(network, TestLosses.squaredError(), x, y);
    for (Parameter p : network.parameters()) {
      results.add(p.grad().copy());
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void splitBatch_forwardAndBackward_bitIdenticalToOneThread(Activation activation) {
    SplittableRandom random = new SplittableRandom(3);
    Tensor x = Tensor.wrap(random.doubles((long) ROWS * INPUTS, -2, 2).toArray(), ROWS, INPUTS);
    Tensor y = Tensor.wrap(random.doubles((long) ROWS * UNITS, -1, 1).toArray(), ROWS, UNITS);
    List<Tensor> single = run(network(activation, null), x, y);
    List<Tensor> split = run(network(activation, workers), x, y);
    assertEquals(single, split, activation.name());
  }
}
