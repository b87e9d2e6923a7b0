package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.data.Dataset;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import io.github.backprop.testing.TestOptimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batches read in place ({@link Pass#view}) against batches copied in ({@link Pass#load}): the
 * same numbers, bit for bit, and the copy's semantics wherever a caller can see the difference.
 */
class BatchViewTest {
  private static final int ROWS = 200;
  private static final int INPUTS = 300;
  private static final int CLASSES = 3;

  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] x = new double[ROWS][INPUTS];
    double[][] y = new double[ROWS][CLASSES];
    for (int r = 0; r < ROWS; r++) {
      for (int i = 0; i < INPUTS; i++) {
        x[r][i] = random.nextDouble();
      }
      y[r][random.nextInt(CLASSES)] = 1;
    }
    return Dataset.of(x, y);
  }

  /** 64 rows x 300 inputs x 64 units: the first layer's products are split over the workers. */
  private static Network.Builder network() {
    return Network.builder(INPUTS)
        .dense(64, TestActivations.relu())
        .dense(CLASSES, TestActivations.softmax())
        .seed(5);
  }

  /** The loss, then z, a and delta of every layer, then every gradient, copied. */
  private static List<Tensor> step(Pass pass) {
    double loss = Gradients.compute(pass, TestLosses.crossEntropy());
    List<Tensor> out = new ArrayList<>();
    out.add(Tensor.vector(loss));
    for (int l = 0; l < pass.network().layers().size(); l++) {
      out.add(pass.weightedInput(l).copy());
      out.add(pass.activation(l).copy());
      out.add(pass.delta(l).copy());
    }
    for (Parameter p : pass.network().parameters()) {
      out.add(p.grad().copy());
    }
    return out;
  }

  @Test
  void view_givesTheSameForwardAndBackwardAsLoad_onOneAndTwoThreads() {
    Dataset data = data();
    Network alone = network().build();
    Pass pass = alone.pass(64);
    pass.load(data.inputs(), data.targets(), null, 70, 134);
    List<Tensor> copied = step(pass);
    pass.view(data.inputs(), data.targets(), 70, 134);
    assertEquals(copied, step(pass), "caller's thread");

    try (WorkerPool workers = WorkerPool.create(2)) {
      Pass pooled = network().workers(workers).build().pass(64);
      pooled.view(data.inputs(), data.targets(), 70, 134);
      assertEquals(copied, step(pooled), "two threads");
    }
  }

  @Test
  void input_afterView_holdsTheViewedRows_andIsReadAgainFromThen() {
    Dataset data = data();
    Pass pass = network().build().pass(64);
    pass.view(data.inputs(), data.targets(), 10, 74);

    Tensor input = pass.input();
    for (int i = 0; i < 64; i++) {
      assertArrayEquals(data.inputs().row(10 + i), input.row(i), "row " + i);
    }
    pass.forward();
    Tensor before = pass.output().copy();
    // The pass reads its buffer again: the data may change, a write to the buffer counts.
    Arrays.fill(data.inputs().data(), 0.5);
    pass.forward();
    assertEquals(before, pass.output());
    input.set(0, 0, 10.0);
    pass.forward();
    assertNotEquals(before.row(0)[0], pass.output().row(0)[0]);
  }

  @Test
  void load_afterView_readsTheCopy() {
    Dataset data = data();
    Pass pass = network().build().pass(64);
    pass.view(data.inputs(), data.targets(), 0, 64);
    pass.load(data.inputs(), data.targets(), null, 100, 164);
    pass.forward();
    Tensor loaded = pass.output().copy();

    Arrays.fill(data.inputs().data(), 0.0);
    pass.forward();
    assertEquals(loaded, pass.output());
  }

  @Test
  void firstNonFiniteNode_afterView_looksAtTheViewedRows() {
    Dataset data = data();
    data.inputs().set(20, 3, Double.NaN);
    Pass pass = network().build().pass(64);
    pass.view(data.inputs(), data.targets(), 0, 64);
    pass.forward();

    assertEquals("input", pass.firstNonFiniteNode());
  }

  @Test
  void fit_unshuffledOnTwoThreads_matchesTheStepsWrittenOutWithCopiedBatches() {
    Dataset data = data();
    List<Tensor> viewed;
    try (WorkerPool workers = WorkerPool.create(2)) {
      Network network = network().workers(workers).build();
      Trainer.builder().loss(TestLosses.crossEntropy()).optimizer(TestOptimizers.sgd(0.1))
          .batchSize(64).epochs(2).build().fit(network, data);
      viewed = network.parameterValues();
    }

    // 200 rows: three batches of 64 and one of 8, in order, copied in.
    Network copied = network().build();
    Optimizer sgd = TestOptimizers.sgd(0.1);
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int from = 0; from < ROWS; from += 64) {
        int to = Math.min(ROWS, from + 64);
        Pass pass = copied.pass(to - from);
        pass.load(data.inputs(), data.targets(), null, from, to);
        Gradients.compute(pass, TestLosses.crossEntropy());
        sgd.step(copied.parameters());
      }
    }
    assertNotEquals(network().build().parameterValues(), copied.parameterValues());
    assertEquals(copied.parameterValues(), viewed);
  }

  @Test
  void fit_unshuffledOnTwoThreads_leavesNoPassReadingTheData() {
    Dataset data = data();
    try (WorkerPool workers = WorkerPool.create(2)) {
      Network network = network().workers(workers).build();
      Trainer.builder().loss(TestLosses.crossEntropy()).optimizer(TestOptimizers.sgd(0.1))
          .batchSize(64).epochs(1).build().fit(network, data);
      assertForwardIgnoresTheData(network, data);
    }
  }

  private static void assertForwardIgnoresTheData(Network network, Dataset data) {
    Pass last = network.pass(8);
    Pass full = network.pass(64);
    last.forward();
    full.forward();
    Tensor lastOut = last.output().copy();
    Tensor fullOut = full.output().copy();

    Arrays.fill(data.inputs().data(), Double.NaN);
    last.forward();
    full.forward();
    assertEquals(lastOut, last.output(), "the last, partial batch");
    assertEquals(fullOut, full.output(), "the last full batch");
  }

  @Test
  void view_rowsThatDoNotFitTheBatch_failNamingWhatWasExpected() {
    Dataset data = data();
    Pass pass = network().build().pass(64);

    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> pass.view(data.inputs(), data.targets(), 0, 63));
    assertEquals("view: 63 rows do not fill a batch of 64", count.getMessage());
    IllegalArgumentException loaded = assertThrows(IllegalArgumentException.class,
        () -> pass.load(data.inputs(), data.targets(), null, 0, 65));
    assertEquals("load: 65 rows do not fill a batch of 64", loaded.getMessage());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> pass.view(data.inputs(), data.targets(), 150, 214));
    assertEquals("view: rows [150, 214) lie outside the 200 rows of x", outside.getMessage());
    IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
        () -> pass.view(Tensor.zeros(64, 299), null, 0, 64));
    assertEquals("view: x has 299 columns, the network takes 300", width.getMessage());
    IllegalArgumentException targets = assertThrows(IllegalArgumentException.class,
        () -> pass.view(data.inputs(), Tensor.zeros(64, 2), 0, 64));
    assertEquals("view: y has shape [64, 2]; rows [0, 64) of 3 targets each were expected",
        targets.getMessage());
  }
}
