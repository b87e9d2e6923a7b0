package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import io.github.backprop.testing.TestOptimizers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training on a pool of workers gives bit-identical weights whatever the number of threads. The
 * layers are sized so that every product of the first two layers is large enough for the
 * kernels to split it across the threads.
 */
class ThreadCountTest {
  private static final int ROWS = 256;
  private static final int INPUTS = 48;
  private static final int CLASSES = 4;

  /** Inputs uniform in [0, 1), labels the argmax of a fixed random projection, one-hot. */
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] projection = new double[INPUTS][CLASSES];
    for (double[] row : projection) {
      for (int c = 0; c < CLASSES; c++) {
        row[c] = random.nextGaussian();
      }
    }
    double[][] x = new double[ROWS][INPUTS];
    double[][] y = new double[ROWS][CLASSES];
    for (int r = 0; r < ROWS; r++) {
      double[] scores = new double[CLASSES];
      for (int i = 0; i < INPUTS; i++) {
        x[r][i] = random.nextDouble() - 0.5;
        for (int c = 0; c < CLASSES; c++) {
          scores[c] += x[r][i] * projection[i][c];
        }
      }
      int label = 0;
      for (int c = 1; c < CLASSES; c++) {
        label = scores[c] > scores[label] ? c : label;
      }
      y[r][label] = 1;
    }
    return Dataset.of(x, y);
  }

  private static Network.Builder network() {
    return Network.builder(INPUTS)
        .dense(64, TestActivations.relu())
        .dense(32, TestActivations.relu())
        .dense(CLASSES, TestActivations.softmax())
        .seed(3);
  }

  private static List<Tensor> train(Network network) {
    return train(network, 64);
  }

  private static List<Tensor> train(Network network, int batchSize) {
    Trainer.builder().loss(TestLosses.crossEntropy()).optimizer(TestOptimizers.sgd(0.1))
        .batchSize(batchSize).epochs(3).shuffle(5).build()
        .fit(network, data());
    return network.parameterValues();
  }

  private static List<Tensor> trainOn(int threads) {
    return trainOn(threads, 64);
  }

  private static List<Tensor> trainOn(int threads, int batchSize) {
    try (WorkerPool workers = WorkerPool.create(threads)) {
      return train(network().workers(workers).build(), batchSize);
    }
  }

  @Test
  void fit_batchesLargeEnoughToSplitTheElementwiseWork_giveBitIdenticalWeights() {
    // 256 rows x 64 and x 32 units: the activations and the bias loops of both hidden layers
    // are cut over the workers, forward and backward.
    List<Tensor> callerOnly = train(network().build(), ROWS);
    assertEquals(callerOnly, trainOn(2, ROWS), "2 threads");
    assertEquals(callerOnly, trainOn(3, ROWS), "3 threads");
  }

  @Test
  void fit_oneTwoAndThreeThreads_giveBitIdenticalWeights() {
    List<Tensor> callerOnly = train(network().build());
    List<Tensor> one = trainOn(1);
    List<Tensor> two = trainOn(2);
    List<Tensor> three = trainOn(3);

    assertNotEquals(network().build().parameterValues(), callerOnly, "training changed nothing");
    assertEquals(callerOnly, one);
    assertEquals(one, two);
    assertEquals(one, three);
  }

  @Test
  void predict_twoThreads_matchesTheCallersThreadBitForBit() {
    Tensor x = data().inputs();
    Tensor expected = network().build().predict(x);
    try (WorkerPool workers = WorkerPool.create(2)) {
      assertEquals(expected, network().workers(workers).build().predict(x));
    }
  }

  @Test
  void load_batchLargeEnoughForTheWorkers_copiesTheRowsInTheGivenOrder() {
    int rows = 100;
    int width = 300; // 64 rows of 300: large enough to be copied on the workers
    SplittableRandom random = new SplittableRandom(2);
    Tensor x = Tensor.wrap(random.doubles((long) rows * width).toArray(), rows, width);
    Tensor y = Tensor.wrap(random.doubles(rows * 2L).toArray(), rows, 2);
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = (i * 37 + 11) % rows;
    }
    try (WorkerPool workers = WorkerPool.create(2)) {
      Network network = Network.builder(width).dense(2, TestActivations.identity())
          .workers(workers).build();
      io.github.backprop.nn.Pass pass = network.pass(64);
      pass.load(x, y, order, 10, 74);

      for (int i = 0; i < 64; i++) {
        assertArrayEquals(x.row(order[10 + i]), pass.input().row(i), "row " + i);
        assertArrayEquals(y.row(order[10 + i]), pass.target().row(i), "row " + i);
      }
      pass.load(x, null, null, 30, 94);
      for (int i = 0; i < 64; i++) {
        assertArrayEquals(x.row(30 + i), pass.input().row(i), "row " + i);
      }
    }
  }

  @Test
  void workers_areThePoolGiven_andEmptyByDefault() {
    assertTrue(network().build().workers().isEmpty());
    try (WorkerPool workers = WorkerPool.create(2)) {
      assertSame(workers, network().workers(workers).build().workers().orElseThrow());
    }
  }

  @Test
  void predict_afterTheWorkersAreClosed_failsSayingThePoolIsClosed() {
    WorkerPool workers = WorkerPool.create(2);
    Network network = network().workers(workers).build();
    workers.close();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> network.predict(data().inputs()));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
