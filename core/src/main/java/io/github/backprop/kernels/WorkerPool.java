package io.github.backprop.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of threads that run one range-partitioned loop at a time, for kernels that must
 * give the same result whatever the thread count.
 *
 * <p>Use it to spread a dense kernel such as {@link Gemm} over cores. Create one per engine and
 * close it when done; creating a pool per call would cost far more than it saves.
 *
 * <pre>{@code
 * try (WorkerPool pool = WorkerPool.create(2)) {
 *   double[] out = new double[1000];
 *   pool.parallelFor(out.length, (from, to) -> {
 *     for (int i = from; i < to; i++) {
 *       out[i] = Math.sqrt(i);
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>A pool of size T owns T - 1 daemon threads named {@code backprop-worker-1} to {@code
 *       backprop-worker-(T-1)}; the thread calling {@link #parallelFor} works too.
 *   <li>The partition is fixed: {@code parallelFor(n, task)} cuts [0, n) into T contiguous chunks,
 *       chunk i being [floor(i n / T), floor((i + 1) n / T)). It depends on n and T only, never on
 *       timing, so a task whose result for a chunk depends only on the chunk's range is
 *       deterministic.
 *   <li>Which thread runs which chunk is not fixed: each thread first takes its own chunk (the
 *       caller chunk 0, worker i chunk i), so data stays on the same core from loop to loop,
 *       then any chunk nobody has started, until none is left. A worker the OS has not
 *       scheduled yet then delays nothing, as another thread runs its chunk instead. Tasks must
 *       not depend on the identity of the thread that runs them (thread-local scratch space is
 *       fine).
 *   <li>{@code parallelFor} returns when every chunk has finished, and everything the chunks wrote
 *       is then visible to the caller.
 *   <li>Thread safety: any thread may call {@code parallelFor}; calls from different threads run
 *       one after another. A call made from inside a task (nested) runs its chunks in order on
 *       the current thread.
 *   <li>Steady state allocates nothing: each worker has a reusable slot; idle workers poll for
 *       about 50 microseconds after each loop, then park.
 * </ul>
 */
public final class WorkerPool implements AutoCloseable {

  /** A loop body over a half-open range of indices. */
  @FunctionalInterface
  public interface RangeTask {
    /**
     * Processes one chunk. Called concurrently on disjoint ranges.
     *
     * @param from first index of the chunk, inclusive
     * @param to end of the chunk, exclusive; greater than {@code from}
     */
    void run(int from, int to);
  }

  /**
   * How long a waiting thread polls before parking, in nanoseconds. Waking a parked thread
   * costs tens of microseconds (on a 2-core VM, the unpark call alone took 100 on average), more
   * than a small kernel takes; a training step runs many kernels with short gaps between them,
   * so idle workers keep polling for a while. Short enough not to hold a shared core for long
   * once the work stops; polling for 1 or 2 ms instead made no measurable difference.
   */
  private static final long SPIN_NANOS = 50_000;

  private final int threads;
  private final Worker[] workers;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean closed;

  // The current loop. Written by the dispatcher (holding lock) before it publishes 'posted' for a
  // new generation; a thread that claims a chunk of that generation reads them after.
  private RangeTask task;
  private int size;
  /** Failure of each chunk of the current loop, or null; reused. */
  private final Throwable[] failures;

  /** Generation of the latest loop; workers wait for it to change. */
  private volatile long posted;
  /**
   * Per chunk, the generation of the latest loop in which it was claimed. A thread claims chunk
   * c of loop g by moving it from below g to g, so a worker that wakes late cannot claim chunks
   * of a later loop for an earlier one.
   */
  private final AtomicLongArray claimed;
  /** Chunks of the current loop not finished yet. */
  private final AtomicInteger remaining = new AtomicInteger();
  /** The dispatcher, when it parks waiting for {@code remaining} to reach zero. */
  private volatile Thread waiter;

  private WorkerPool(int threads) {
    this.threads = threads;
    this.failures = new Throwable[threads];
    this.claimed = new AtomicLongArray(threads);
    this.workers = new Worker[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker(this, w + 1);
    }
    for (Worker worker : workers) {
      worker.thread.start();
    }
  }

  /**
   * Starts a pool that runs loops on {@code threads} threads, counting the caller.
   *
   * @param threads parallelism; 1 runs every loop inline on the caller
   * @return a new pool; close it when done
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static WorkerPool create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "WorkerPool.create: threads must be at least 1, got " + threads);
    }
    return new WorkerPool(threads);
  }

  /**
   * Returns the parallelism given to {@link #create}.
   *
   * @return T, the number of chunks per loop, counting the calling thread
   */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task} over [0, n) on {@code pool} when {@code large} and the pool has several
   * threads, else on the calling thread as one range [0, n): the choice every element-wise loop
   * of a training step makes, since handing a small loop to other threads costs more than
   * running it. A task that depends only on its range gives the same result either way.
   *
   * @param pool the threads to use, or null for the calling thread
   * @param n number of indices, at least 0
   * @param large whether the loop is large enough to repay a hand-off
   * @param task the loop body
   * @throws IllegalStateException if the pool is used and closed
   */
  public static void parallelForIfLarge(WorkerPool pool, int n, boolean large, RangeTask task) {
    if (pool != null && pool.threads > 1 && large) {
      pool.parallelFor(n, task);
    } else if (n > 0) {
      task.run(0, n);
    }
  }

  /**
   * Runs {@code task} over [0, n), cut into {@link #threads()} fixed contiguous chunks (see the
   * class contract). Empty chunks are not run.
   *
   * <p>If chunks throw, every chunk still finishes, then the exception from the lowest chunk is
   * rethrown with the others added as suppressed. Checked exceptions cannot occur.
   *
   * @param n number of indices, at least 0
   * @param task the loop body; must tolerate concurrent calls on disjoint ranges
   * @throws IllegalArgumentException if {@code n < 0}
   * @throws NullPointerException if {@code task} is null
   * @throws IllegalStateException if the pool is closed
   */
  public void parallelFor(int n, RangeTask task) {
    if (n < 0) {
      throw new IllegalArgumentException("WorkerPool.parallelFor: n must be non-negative, got "
          + n);
    }
    if (task == null) {
      throw new NullPointerException("task");
    }
    checkOpen();
    if (threads == 1) {
      if (n > 0) {
        task.run(0, n);
      }
      return;
    }
    if (lock.isHeldByCurrentThread() || isOwnWorker(Thread.currentThread())) {
      // Nested: the workers are busy with the outer loop. Same chunks, one after another.
      for (int i = 0; i < threads; i++) {
        int from = chunkStart(n, i);
        int to = chunkStart(n, i + 1);
        if (from < to) {
          task.run(from, to);
        }
      }
      return;
    }
    lock.lock();
    try {
      checkOpen();
      dispatch(n, task);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the workers and waits for them to exit. Idempotent. A loop running on another thread
   * finishes first.
   *
   * @throws IllegalStateException if called from inside a task
   */
  @Override
  public void close() {
    if (lock.isHeldByCurrentThread() || isOwnWorker(Thread.currentThread())) {
      throw new IllegalStateException(
          "WorkerPool.close: called from inside a parallelFor task; close the pool after the loop"
              + " returns");
    }
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Worker worker : workers) {
        LockSupport.unpark(worker.thread);
      }
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    for (Worker worker : workers) {
      while (true) {
        try {
          worker.thread.join();
          break;
        } catch (InterruptedException e) {
          // Finish closing (workers exit promptly), then restore the flag for the caller.
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Throws if the pool has been closed. */
  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("WorkerPool: the pool is closed; create a new one");
    }
  }

  private int chunkStart(int n, int chunk) {
    return (int) ((long) chunk * n / threads);
  }

  private boolean isOwnWorker(Thread t) {
    for (Worker worker : workers) {
      if (worker.thread == t) {
        return true;
      }
    }
    return false;
  }

  private void dispatch(int n, RangeTask task) {
    long gen = posted + 1;
    this.task = task;
    this.size = n;
    remaining.set(threads);
    posted = gen;
    // Dekker handshake with awaitPosted: we write 'posted' then read 'parked'; a worker writes
    // 'parked' then reads 'posted'. All volatile, so at least one side sees the other.
    for (Worker worker : workers) {
      if (worker.parked) {
        LockSupport.unpark(worker.thread);
      }
    }
    runChunks(gen, 0);
    awaitRemaining();
    this.task = null;
    Throwable failure = null;
    for (int i = 0; i < threads; i++) {
      Throwable t = failures[i];
      if (t != null) {
        failures[i] = null;
        if (failure == null) {
          failure = t;
        } else {
          failure.addSuppressed(t);
        }
      }
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      // RangeTask.run declares no checked exception; only a sneaky throw gets here.
      throw new IllegalStateException("WorkerPool.parallelFor: task failed", failure);
    }
  }

  /**
   * Runs chunk {@code home} of loop {@code gen}, then any other chunk nobody has claimed, until
   * none is left. Each thread starting with its own chunk keeps the same rows of each array on
   * the same core from one loop to the next, as long as no thread falls behind.
   */
  private void runChunks(long gen, int home) {
    for (int i = 0; i < threads; i++) {
      int chunk = (home + i) % threads;
      long last = claimed.get(chunk);
      if (last >= gen || !claimed.compareAndSet(chunk, last, gen)) {
        continue;
      }
      // The claim succeeded, so loop gen is still running and task and size are its own.
      int n = size;
      int from = chunkStart(n, chunk);
      int to = chunkStart(n, chunk + 1);
      try {
        if (from < to) {
          task.run(from, to);
        }
      } catch (Throwable e) {
        failures[chunk] = e;
      }
      if (remaining.decrementAndGet() == 0) {
        // Same handshake as above, with the dispatcher's 'waiter' then 'remaining'.
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }
  }

  private void awaitRemaining() {
    long start = 0;
    while (remaining.get() != 0) {
      if (start == 0) {
        start = System.nanoTime();
      }
      if (System.nanoTime() - start < SPIN_NANOS) {
        Thread.onSpinWait();
      } else {
        waiter = Thread.currentThread();
        if (remaining.get() != 0) {
          LockSupport.park(this);
        }
        waiter = null;
      }
    }
  }

  /** One background thread. */
  private static final class Worker implements Runnable {
    final WorkerPool pool;
    final Thread thread;
    /** The chunk this worker runs first in every loop. */
    final int home;
    volatile boolean parked;

    Worker(WorkerPool pool, int index) {
      this.pool = pool;
      this.home = index;
      this.thread = new Thread(this, "backprop-worker-" + index);
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      long seen = 0;
      while (true) {
        long gen = awaitPosted(seen);
        if (gen == seen) {
          return; // closed
        }
        seen = gen;
        pool.runChunks(gen, home);
      }
    }

    /** Returns the next generation to work on, or {@code seen} if the pool closed. */
    private long awaitPosted(long seen) {
      long start = System.nanoTime();
      long gen;
      while ((gen = pool.posted) == seen) {
        if (pool.closed) {
          return seen;
        }
        if (System.nanoTime() - start < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          parked = true;
          if (pool.posted == seen && !pool.closed) {
            LockSupport.park(this);
          }
          parked = false;
        }
      }
      return gen;
    }
  }
}
