package io.github.backprop.bench;

import io.github.backprop.activations.Activations;
import io.github.backprop.data.Dataset;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.losses.Losses;
import io.github.backprop.nn.Network;
import io.github.backprop.optimizers.Optimizers;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingListener;
import java.util.SplittableRandom;

/**
 * The end-to-end workload {@code mnist-mlp}: MNIST-shaped synthetic data and the classic
 * 784-256-128-10 classifier trained on it with plain SGD.
 *
 * <ul>
 *   <li>Data: {@value #SAMPLES} rows of {@value #INPUTS} inputs drawn uniformly from [0, 1); the
 *       label of a row is the argmax of the row times a fixed random [{@value #INPUTS}, {@value
 *       #CLASSES}] matrix R of standard normal values; targets are one-hot. Both come from fixed
 *       seeds, so every run trains on the same data.
 *   <li>Network: 784-256-128-10, relu, relu, softmax, default initializers, seed {@value
 *       #NETWORK_SEED}.
 *   <li>Training: cross_entropy, sgd with learningRate {@value #LEARNING_RATE}, batches of
 *       {@value #BATCH_SIZE} in data order (no shuffling).
 * </ul>
 *
 * <p>{@code bench/torch_mnist_mlp.py} and {@link EncogMnistMlp} run the same workload in
 * PyTorch and Encog.
 */
final class MnistMlp {
  static final String NAME = "mnist-mlp";
  static final int SAMPLES = 60_000;
  static final int INPUTS = 784;
  static final int CLASSES = 10;
  static final int BATCH_SIZE = 64;
  static final double LEARNING_RATE = 0.05;
  static final long DATA_SEED = 20_240_601L;
  static final long NETWORK_SEED = 1L;

  private MnistMlp() {}

  /**
   * The {@code rows} first rows of the workload's data, written straight into flat arrays: the
   * full set is 376 MB of inputs, and a {@code double[][]} detour would double that.
   */
  static Dataset data(int rows) {
    SplittableRandom random = new SplittableRandom(DATA_SEED);
    double[] r = new double[INPUTS * CLASSES];
    for (int i = 0; i < r.length; i++) {
      r[i] = random.nextGaussian();
    }
    double[] x = new double[rows * INPUTS];
    double[] y = new double[rows * CLASSES];
    double[] scores = new double[CLASSES];
    for (int row = 0; row < rows; row++) {
      java.util.Arrays.fill(scores, 0.0);
      int base = row * INPUTS;
      for (int i = 0; i < INPUTS; i++) {
        double v = random.nextDouble();
        x[base + i] = v;
        for (int c = 0; c < CLASSES; c++) {
          scores[c] += v * r[i * CLASSES + c];
        }
      }
      int label = 0;
      for (int c = 1; c < CLASSES; c++) {
        if (scores[c] > scores[label]) {
          label = c;
        }
      }
      y[row * CLASSES + label] = 1.0;
    }
    return new Dataset(Tensor.wrap(x, rows, INPUTS), Tensor.wrap(y, rows, CLASSES));
  }

  /** The untrained network, running its kernels on {@code workers}. */
  static Network network(WorkerPool workers) {
    return Network.builder(INPUTS)
        .dense(256, Activations.relu())
        .dense(128, Activations.relu())
        .dense(CLASSES, Activations.softmax())
        .seed(NETWORK_SEED)
        .workers(workers)
        .build();
  }

  /** A trainer for {@code epochs} epochs, reporting to {@code listener}. */
  static Trainer trainer(int epochs, TrainingListener listener) {
    return Trainer.builder()
        .loss(Losses.crossEntropy())
        .optimizer(Optimizers.sgd(LEARNING_RATE))
        .batchSize(BATCH_SIZE)
        .epochs(epochs)
        .listener(listener)
        .build();
  }
}
