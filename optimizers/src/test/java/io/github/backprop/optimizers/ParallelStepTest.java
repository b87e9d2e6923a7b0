package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stepping on a pool gives the same weights and state, bit for bit, as stepping on the calling
 * thread: one parameter large enough to be split across threads, one too small to be.
 */
class ParallelStepTest {
  private static final int LARGE = 40_000;
  private static final int SMALL = 30;
  private static final int STEPS = 4;

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", Map.of("learningRate", 0.2)),
        Arguments.of("sgd", Map.of("learningRate", 0.2, "momentum", 0.9, "nesterov", true)),
        Arguments.of("adam", Map.of("learningRate", 0.05, "amsgrad", true, "weightDecay", 0.01)),
        Arguments.of("adamw", Map.of("learningRate", 0.05)),
        Arguments.of("rmsprop", Map.of("centered", true, "momentum", 0.5)),
        Arguments.of("adagrad", Map.of("lrDecay", 0.1, "initialAccumulatorValue", 0.1)),
        Arguments.of("adadelta", Map.of()),
        Arguments.of("adamax", Map.of("learningRate", 0.05)),
        Arguments.of("nadam", Map.of("learningRate", 0.05)));
  }

  private static List<Parameter> parameters() {
    SplittableRandom random = new SplittableRandom(3);
    return List.of(
        new Parameter("large", Tensor.wrap(random.doubles(LARGE, -1, 1).toArray(), LARGE)),
        new Parameter("small", Tensor.wrap(random.doubles(SMALL, -1, 1).toArray(), SMALL)));
  }

  /** Steps with gradients that depend on the step and the weights; returns the final weights. */
  private static List<Tensor> run(Optimizer optimizer, WorkerPool workers) {
    List<Parameter> parameters = parameters();
    for (int t = 1; t <= STEPS; t++) {
      for (Parameter p : parameters) {
        double[] w = p.value().data();
        double[] g = p.grad().data();
        for (int i = 0; i < g.length; i++) {
          g[i] = Math.sin(i + t) + 0.5 * w[i];
        }
      }
      if (workers == null) {
        optimizer.step(parameters);
      } else {
        optimizer.step(parameters, workers);
      }
    }
    List<Tensor> weights = new ArrayList<>();
    parameters.forEach(p -> weights.add(p.value().copy()));
    return weights;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("optimizers")
  void step_twoAndThreeThreads_matchTheCallingThreadBitForBit(String name,
      Map<String, ?> settings) {
    Optimizer alone = Optimizers.named(name, settings);
    List<Tensor> expected = run(alone, null);
    for (int threads : new int[] {2, 3}) {
      Optimizer pooled = Optimizers.named(name, settings);
      try (WorkerPool workers = WorkerPool.create(threads)) {
        assertEquals(expected, run(pooled, workers), threads + " threads");
      }
      assertEquals(alone.state(), pooled.state(), threads + " threads");
    }
    assertNotEquals(parameters().get(0).value(), expected.get(0), "the steps changed nothing");
  }
}
