package io.github.backprop.train;

import io.github.backprop.kernels.Elementwise;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Tensor;

/**
 * Whether every value of a tensor is finite, scanning large tensors on the network's workers:
 * the trainer checks every gradient after every batch, a pass over all the weights' worth of
 * memory, and on several threads the scan takes that much less. Reused across batches.
 */
final class FiniteCheck implements WorkerPool.RangeTask {
  /** Tensors smaller than this are scanned on the calling thread: a hand-off costs more. */
  private static final int PARALLEL_SIZE = 1 << 14;

  private final WorkerPool workers;
  private double[] data;
  /** Set by any range that finds a NaN or infinity; ranges only ever write true. */
  private boolean nonFinite;

  /** @param workers threads to scan on, or null for the calling thread */
  FiniteCheck(WorkerPool workers) {
    this.workers = workers;
  }

  /** True if no value of t is NaN or infinite. */
  boolean test(Tensor t) {
    data = t.data();
    nonFinite = false;
    try {
      WorkerPool.parallelForIfLarge(workers, data.length, data.length >= PARALLEL_SIZE, this);
    } finally {
      data = null;
    }
    return !nonFinite;
  }

  @Override
  public void run(int from, int to) {
    if (!Elementwise.allFinite(data, from, to)) {
      nonFinite = true;
    }
  }
}
