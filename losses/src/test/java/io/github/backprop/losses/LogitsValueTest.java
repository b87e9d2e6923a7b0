package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.train.Loss;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * cross_entropy and kl_divergence after a softmax output layer take their value from the logits
 * by log-sum-exp, as torch's CrossEntropyLoss does, and binary_cross_entropy after a sigmoid as
 * torch's BCEWithLogitsLoss does: equal to the probability form where that is exact, and still
 * exact where a probability rounds to 0 or 1 and the probability form clamps.
 */
class LogitsValueTest {
  private final Activation softmax = TestActivations.softmax();

  private Tensor softmaxOf(Tensor z) {
    Tensor a = Tensor.zeros(z.shape());
    softmax.forward(z, a);
    return a;
  }

  @Test
  void moderateLogits_equalTheProbabilityForm() {
    Random r = new Random(4);
    Tensor z = Tensor.zeros(5, 4);
    Tensor y = Tensor.zeros(5, 4);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        z.set(i, j, 3 * r.nextGaussian());
      }
      y.set(i, r.nextInt(4), 1);
    }
    Tensor a = softmaxOf(z);
    for (Loss loss : new Loss[] {Losses.crossEntropy(), Losses.crossEntropy(0.2),
        Losses.klDivergence()}) {
      double fromProbabilities = loss.value(a, y);
      assertEquals(fromProbabilities, loss.value(softmax, z, a, y),
          1e-12 * Math.abs(fromProbabilities), loss.toString());
    }
  }

  @Test
  void hugeLogits_areExact_whereTheProbabilityFormClamps() {
    // ln softmax(z)_2 = -1000 - logsumexp(z) = -1000 - 1000 exactly in double
    Tensor z = Tensor.of(new double[][] {{1000, 0, -1000}});
    Tensor y = Tensor.of(new double[][] {{0, 0, 1}});
    Tensor a = softmaxOf(z);
    assertEquals(2000.0, Losses.crossEntropy().value(softmax, z, a, y));
    assertEquals(2000.0, Losses.klDivergence().value(softmax, z, a, y));
    // t = 0.9 y + 0.1 / 3: loss = (0.1 / 3)(0 + 1000 + 2000) + 0.9 * 2000 = 1900
    assertEquals(1900.0, Losses.crossEntropy(0.1).value(softmax, z, a, y), 1e-10);
    // the probability form can only say ln 0 >= -100
    assertEquals(100.0, Losses.crossEntropy().value(a, y));
  }

  private static Tensor sigmoidOf(Tensor z) {
    Tensor a = Tensor.zeros(z.shape());
    for (int i = 0; i < a.data().length; i++) {
      a.data()[i] = 1 / (1 + Math.exp(-z.data()[i]));
    }
    return a;
  }

  @Test
  void binaryCrossEntropy_moderateLogits_equalTheProbabilityForm() {
    Random r = new Random(5);
    Tensor z = Tensor.zeros(4, 3);
    Tensor y = Tensor.zeros(4, 3);
    for (int i = 0; i < 12; i++) {
      z.data()[i] = 4 * r.nextGaussian();
      y.data()[i] = i % 3 == 2 ? r.nextDouble() : r.nextInt(2);
    }
    Tensor a = sigmoidOf(z);
    Loss loss = Losses.binaryCrossEntropy();
    double fromProbabilities = loss.value(a, y);
    assertEquals(fromProbabilities, loss.value(TestActivations.sigmoid(), z, a, y),
        1e-12 * fromProbabilities);
  }

  @Test
  void binaryCrossEntropy_saturatedLogits_areExact_whereTheProbabilityFormClamps() {
    // sigmoid(+-1000) rounds to 1 or 0; per output the loss is then |z| times the wrong share:
    // z = 1000, y = 0: 1000; z = -1000, y = 1: 1000; z = 1000, y = 0.3: 700; z = 37, y = 0:
    // 37 + ln(1 + e^-37), which is 37 in double.
    Tensor z = Tensor.of(new double[][] {{1000, -1000}, {1000, 37}});
    Tensor y = Tensor.of(new double[][] {{0, 1}, {0.3, 0}});
    Tensor a = sigmoidOf(z);
    Loss loss = Losses.binaryCrossEntropy();
    assertEquals((1000 + 1000 + 700 + 37) / 4.0, loss.value(TestActivations.sigmoid(), z, a, y));
    // the probability form can only say ln 0 >= -100
    assertEquals((100 + 100 + 70 + 100) / 4.0, loss.value(a, y), 1e-12);
  }

  @Test
  void otherOutputActivation_usesTheProbabilityForm() {
    Tensor z = Tensor.of(new double[][] {{0.2, 0.3, 0.5}});
    Tensor y = Tensor.of(new double[][] {{0, 1, 0}});
    assertEquals(-Math.log(0.3), Losses.crossEntropy().value(TestActivations.sigmoid(), z, z, y),
        1e-15);
  }
}
