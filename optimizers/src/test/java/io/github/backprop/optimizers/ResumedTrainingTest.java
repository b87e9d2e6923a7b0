package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.ScalarActivation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Checkpoint;
import io.github.backprop.train.CheckpointFile;
import io.github.backprop.train.Checkpointing;
import io.github.backprop.train.LearningRateSchedule;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training 4 epochs in one go equals training 2, saving a checkpoint to a file, restoring it into
 * a freshly built network and optimizer, and training 2 more: bit for bit, with shuffling and a
 * learning-rate schedule on.
 */
class ResumedTrainingTest {
  @TempDir Path dir;

  /** tanh, standing in for the activations module. */
  private static final class Tanh extends ScalarActivation {
    @Override
    public String name() {
      return "tanh";
    }

    @Override
    public double value(double z) {
      return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
      return 1 - a * a;
    }
  }

  /** Mean over rows of the summed squared error, standing in for the losses module. */
  private static final class SquaredError implements Loss {
    @Override
    public String name() {
      return "squared_error";
    }

    @Override
    public double value(Tensor output, Tensor target) {
      double sum = 0;
      for (int i = 0; i < output.size(); i++) {
        double d = output.data()[i] - target.data()[i];
        sum += d * d;
      }
      return sum / output.rows();
    }

    @Override
    public void gradient(Tensor output, Tensor target, Tensor grad) {
      for (int i = 0; i < output.size(); i++) {
        grad.data()[i] = 2 * (output.data()[i] - target.data()[i]) / output.rows();
      }
    }
  }

  private static Network network() {
    return Network.builder(2).dense(4, new Tanh()).dense(1, new Tanh()).seed(17).build();
  }

  private static Dataset data() {
    double[][] x = new double[13][2];
    double[][] y = new double[13][1];
    for (int i = 0; i < 13; i++) {
      x[i][0] = Math.sin(i);
      x[i][1] = Math.cos(2.5 * i);
      y[i][0] = Math.tanh(x[i][0] * x[i][1] - 0.2);
    }
    return Dataset.of(x, y);
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", Map.of("learningRate", 0.2, "momentum", 0.9, "nesterov", true)),
        Arguments.of("adam", Map.of("learningRate", 0.05, "amsgrad", true, "weightDecay", 0.01)),
        Arguments.of("adamw", Map.of("learningRate", 0.05)),
        Arguments.of("rmsprop", Map.of("centered", true, "momentum", 0.5)),
        Arguments.of("adagrad", Map.of("lrDecay", 0.1, "initialAccumulatorValue", 0.1)),
        Arguments.of("adadelta", Map.of()),
        Arguments.of("adamax", Map.of("learningRate", 0.05)),
        Arguments.of("nadam", Map.of("learningRate", 0.05)));
  }

  private Trainer.Builder trainer(Optimizer optimizer) {
    return Trainer.builder().loss(new SquaredError()).optimizer(optimizer).batchSize(4)
        .shuffle(2024).schedule(LearningRateSchedule.warmUp(1, 0.5,
            LearningRateSchedule.cosineAnnealing(4, 0.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void fit_twoEpochsSavedRestoredAndTwoMore_equalsFourEpochsBitForBit(String name,
      Map<String, Object> settings) throws IOException {
    Network straight = network();
    trainer(Optimizers.named(name, settings)).epochs(4).build().fit(straight, data());

    Path file = dir.resolve(name + ".ckpt");
    Network first = network();
    trainer(Optimizers.named(name, settings)).epochs(2)
        .listener(Checkpointing.every(2, CheckpointFile.writer(file))).build().fit(first, data());
    Network resumed = Network.builder(2).dense(4, new Tanh()).dense(1, new Tanh()).seed(99)
        .build();
    Optimizer fresh = Optimizers.named(name, settings);
    Checkpoint checkpoint = CheckpointFile.read(file);
    checkpoint.restoreInto(resumed, fresh);
    trainer(fresh).epochs(4).initialEpoch(checkpoint.epoch()).build().fit(resumed, data());

    List<Tensor> expected = straight.parameterValues();
    List<Tensor> actual = resumed.parameterValues();
    for (int p = 0; p < expected.size(); p++) {
      double[] e = expected.get(p).data();
      double[] a = actual.get(p).data();
      for (int i = 0; i < e.length; i++) {
        assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]),
            name + " parameter " + p + " element " + i + ": " + e[i] + " vs " + a[i]);
      }
    }
  }
}
