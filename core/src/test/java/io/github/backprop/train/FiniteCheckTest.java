package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The gradient check finds a NaN or infinity wherever it is, in every thread's range. */
class FiniteCheckTest {
  private static final int SIZE = 40_000;

  @Test
  void test_nonFiniteValueAnywhere_isFoundOnOneTwoAndThreeThreads() {
    int[] positions = {0, SIZE / 3, SIZE / 2, SIZE - 1};
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int threads = 1; threads <= 3; threads++) {
      try (WorkerPool workers = WorkerPool.create(threads)) {
        FiniteCheck check = new FiniteCheck(workers);
        Tensor t = Tensor.zeros(SIZE);
        assertTrue(check.test(t), threads + " threads, all finite");
        for (int position : positions) {
          for (double value : bad) {
            t.data()[position] = value;
            assertFalse(check.test(t), threads + " threads, " + value + " at " + position);
            t.data()[position] = Double.MAX_VALUE;
            assertTrue(check.test(t), threads + " threads, restored at " + position);
          }
        }
      }
    }
  }

  @Test
  void test_withoutWorkers_findsNonFiniteValues() {
    FiniteCheck check = new FiniteCheck(null);
    Tensor t = Tensor.zeros(SIZE);
    assertTrue(check.test(t));
    t.data()[SIZE - 1] = Double.NaN;
    assertFalse(check.test(t));
  }
}
