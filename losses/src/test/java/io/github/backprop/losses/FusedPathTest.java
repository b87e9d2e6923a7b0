package io.github.backprop.losses;

import static io.github.backprop.losses.Numeric.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.gradcheck.GradientCheck;
import io.github.backprop.gradcheck.GradientCheckResult;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine picks the fused output gradient by itself: {@link Gradients#compute} asks the loss
 * first, and the output activation's backward is then never called. The parameter gradients
 * agree with the unfused chain rule and with central finite differences.
 */
class FusedPathTest {
  private static final Tensor X = Tensor.of(new double[][] {
      {0.5, -1.0, 0.25}, {1.5, 0.3, -0.7}, {-0.2, 0.8, 1.1}, {0.0, -0.4, 0.9}, {1.0, 1.0, -1.0}});

  static Stream<Arguments> fusingPairs() {
    double[][] binary = {{1, 0}, {0, 1}, {1, 1}, {0.3, 0}, {0, 0.8}};
    double[][] classes = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0.2, 0.3, 0.5}, {0, 0, 1}};
    return Stream.of(
        Arguments.of(Losses.binaryCrossEntropy(), TestActivations.sigmoid(), binary),
        Arguments.of(Losses.crossEntropy(), TestActivations.softmax(), classes),
        Arguments.of(Losses.crossEntropy(0.1), TestActivations.softmax(), classes),
        Arguments.of(Losses.klDivergence(), TestActivations.softmax(), classes));
  }

  @ParameterizedTest
  @MethodSource("fusingPairs")
  void compute_fusingOutputActivation_skipsItsBackwardAndMatchesTheChainRule(Loss loss,
      Activation output, double[][] targets) {
    CountingActivation counting = new CountingActivation(output);
    Network net = Network.builder(3).dense(4, TestActivations.tanh())
        .dense(targets[0].length, counting).seed(7).build();
    Tensor y = Tensor.of(targets);

    double fusedLoss = Gradients.compute(net, loss, X, y);
    assertEquals(0, counting.backwardCalls, "the fused path skips the output activation");
    List<double[]> fused = gradients(net);

    double unfusedLoss = Gradients.compute(net, new Unfused(loss), X, y);
    assertEquals(1, counting.backwardCalls, "the unfused path runs the output activation");
    List<double[]> unfused = gradients(net);

    assertEquals(unfusedLoss, fusedLoss);
    for (int p = 0; p < fused.size(); p++) {
      assertClose(unfused.get(p), fused.get(p), 1e-12, net.parameters().get(p).name());
    }
    GradientCheckResult check = GradientCheck.run(net, loss, X, y);
    assertTrue(check.passed(1e-7), check.toString());
  }

  @Test
  void compute_saturatedSigmoidOutput_fusedGradientIsExactWhereTheChainRuleVanishes() {
    // z = x W^T = {1000, -1000}: the sigmoid gives exactly {1, 0}, the opposite of the targets.
    Network net = Network.builder(2).dense(TestActivations.sigmoid(),
        Tensor.of(new double[][] {{1000, 0}, {0, 1000}}), Tensor.vector(0, 0)).build();
    Tensor x = Tensor.of(new double[][] {{1, -1}});
    Tensor y = Tensor.of(new double[][] {{0, 1}});

    double loss = Gradients.compute(net, Losses.binaryCrossEntropy(), x, y);
    // from the logits, max(z, 0) - z y + ln(1 + e^-|z|) = 1000 for each output; the
    // probabilities alone would give 100 (both logs clamped at -100)
    assertEquals(1000.0, loss);
    // delta = (a - y) / (1 row * 2 outputs) = {0.5, -0.5}; dW = delta^T x, db = delta
    assertEquals(Tensor.of(new double[][] {{0.5, -0.5}, {-0.5, 0.5}}), grad(net, 0));
    assertEquals(Tensor.vector(0.5, -0.5), grad(net, 1));

    Gradients.compute(net, new Unfused(Losses.binaryCrossEntropy()), x, y);
    assertEquals(Tensor.vector(0, 0), grad(net, 1),
        "through the saturated sigmoid, a (1 - a) = 0 erases the gradient");
  }

  @Test
  void compute_saturatedSoftmaxOutput_fusedGradientIsExactAndFinite() {
    Network net = Network.builder(1).dense(TestActivations.softmax(),
        Tensor.of(new double[][] {{1000}, {-1000}, {0}}), Tensor.vector(0, 0, 0)).build();
    Tensor x = Tensor.of(new double[][] {{1}});
    Tensor y = Tensor.of(new double[][] {{0, 1, 0}});

    double loss = Gradients.compute(net, Losses.crossEntropy(), x, y);
    assertEquals(2000.0, loss); // -(z_1 - logsumexp z) = -(-1000 - 1000), exact from the logits
    assertEquals(Tensor.vector(1, -1, 0), grad(net, 1));
  }

  @Test
  void compute_crossEntropyTargetsNotDistributions_failsBeforeAnyPass() {
    Network net = Network.builder(3).dense(3, TestActivations.softmax()).seed(1).build();
    Tensor y = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 0, 1}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gradients.compute(net, Losses.crossEntropy(), X, y));
    assertTrue(e.getMessage().startsWith("targets: row 3 sums to 2.0, but cross_entropy"),
        e.getMessage());
  }

  @Test
  void compute_logSoftmaxOutputWithCrossEntropy_failsOnTheFirstBatchAskingForSoftmax() {
    Activation logSoftmax = new Activation() {
      @Override
      public String name() {
        return "log_softmax";
      }

      @Override
      public void forward(Tensor z, Tensor a) {
        double[][] s = Numeric.softmax(z.toArray2d());
        for (int r = 0; r < s.length; r++) {
          for (int j = 0; j < s[r].length; j++) {
            a.set(r, j, Math.log(s[r][j]));
          }
        }
      }

      @Override
      public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
        throw new AssertionError("not reached: the loss rejects the outputs first");
      }
    };
    Network net = Network.builder(3).dense(3, logSoftmax).seed(1).build();
    Tensor y = ClassLabels.oneHot(Tensor.of(new double[][] {{0}, {1}, {2}, {0}, {1}}), 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gradients.compute(net, Losses.crossEntropy(), X, y));
    assertTrue(e.getMessage().startsWith("cross_entropy: output row 0, column 0 is -"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("so the output layer should be softmax (log_softmax gives"
        + " log-probabilities, which cross_entropy does not read)"), e.getMessage());
  }

  private static Tensor grad(Network net, int parameter) {
    return net.parameters().get(parameter).grad().copy();
  }

  private static List<double[]> gradients(Network net) {
    List<double[]> grads = new ArrayList<>();
    for (Parameter p : net.parameters()) {
      grads.add(p.grad().data().clone());
    }
    return grads;
  }

  /** The same loss without its fused gradient, so the engine takes the chain rule. */
  private static final class Unfused implements Loss {
    private final Loss inner;

    Unfused(Loss inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public double value(Tensor output, Tensor target) {
      return inner.value(output, target);
    }

    @Override
    public void gradient(Tensor output, Tensor target, Tensor grad) {
      inner.gradient(output, target, grad);
    }

    @Override
    public void checkTargets(String where, Tensor targets) {
      inner.checkTargets(where, targets);
    }
  }
}
