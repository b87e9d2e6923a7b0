package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  @Test
  void create_zeroThreads_throwsNamingArgumentAndValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkerPool.create(0));
    assertEquals("WorkerPool.create: threads must be at least 1, got 0", e.getMessage());
  }

  @Test
  void create_negativeThreads_throwsNamingArgumentAndValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WorkerPool.create(-3));
    assertEquals("WorkerPool.create: threads must be at least 1, got -3", e.getMessage());
  }

  @Test
  void parallelFor_classExample_fillsEveryElement() {
    // The example of the class javadoc, verbatim.
    double[] result;
    try (WorkerPool pool = WorkerPool.create(2)) {
      double[] out = new double[1000];
      pool.parallelFor(out.length, (from, to) -> {
        for (int i = from; i < to; i++) {
          out[i] = Math.sqrt(i);
        }
      });
      result = out;
    }
    for (int i = 0; i < result.length; i++) {
      assertEquals(Math.sqrt(i), result[i]);
    }
  }

  @Test
  void parallelFor_anySize_coversEachIndexExactlyOnce() {
    for (int threads = 1; threads <= 4; threads++) {
      try (WorkerPool pool = WorkerPool.create(threads)) {
        for (int n : new int[] {0, 1, 2, 3, 5, 17, 1000}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(n);
          pool.parallelFor(n, (from, to) -> {
            for (int i = from; i < to; i++) {
              hits.incrementAndGet(i);
            }
          });
          for (int i = 0; i < n; i++) {
            assertEquals(1, hits.get(i), "index " + i + " of " + n + " on " + threads + " threads");
          }
        }
      }
    }
  }

  @Test
  void parallelFor_partition_dependsOnlyOnSizeAndThreadCount() {
    try (WorkerPool pool = WorkerPool.create(3)) {
      for (int n : new int[] {2, 10, 11}) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          int from = i * n / 3;
          int to = (i + 1) * n / 3;
          if (from < to) {
            expected.add(from + ".." + to);
          }
        }
        for (int rep = 0; rep < 20; rep++) {
          List<String> seen = Collections.synchronizedList(new ArrayList<>());
          pool.parallelFor(n, (from, to) -> seen.add(from + ".." + to));
          Collections.sort(seen);
          Collections.sort(expected);
          assertEquals(expected, seen, "chunks of " + n);
        }
      }
    }
  }

  @Test
  void parallelFor_oneThread_runsInlineOnCaller() {
    try (WorkerPool pool = WorkerPool.create(1)) {
      List<Thread> ran = new ArrayList<>();
      List<String> ranges = new ArrayList<>();
      pool.parallelFor(10, (from, to) -> {
        ran.add(Thread.currentThread());
        ranges.add(from + ".." + to);
      });
      assertEquals(List.of(Thread.currentThread()), ran);
      assertEquals(List.of("0..10"), ranges);
    }
  }

  /** The ranges parallelForIfLarge gives the task, sorted, and whether the caller ran them all. */
  private static String rangesIfLarge(WorkerPool pool, int n, boolean large) {
    List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    WorkerPool.parallelForIfLarge(pool, n, large, (from, to) -> {
      ranges.add(from + ".." + to);
      threads.add(Thread.currentThread());
    });
    Collections.sort(ranges);
    boolean callerOnly = threads.isEmpty() || threads.equals(Set.of(Thread.currentThread()));
    return ranges + (callerOnly ? " on the caller" : " on the pool");
  }

  @Test
  void parallelForIfLarge_splitsOnlyLargeLoopsOnPoolsOfSeveralThreads() {
    try (WorkerPool two = WorkerPool.create(2); WorkerPool one = WorkerPool.create(1)) {
      // Either thread may run either chunk of a split loop, so only the chunks are fixed.
      String large = rangesIfLarge(two, 10, true);
      assertTrue(large.startsWith("[0..5, 5..10] "), "large loop, two threads: " + large);
      assertEquals("[0..10] on the caller", rangesIfLarge(two, 10, false), "small loop");
      assertEquals("[0..10] on the caller", rangesIfLarge(one, 10, true), "one thread");
      assertEquals("[0..10] on the caller", rangesIfLarge(null, 10, true), "no pool");
      assertEquals("[] on the caller", rangesIfLarge(null, 0, false), "empty loop: no call");
    }
  }

  /**
   * Runs a loop of {@code threads} one-index chunks that each wait for all the others to start,
   * so no thread can take two: returns the threads that ran them.
   */
  private static Set<Thread> threadsOfOneLoop(WorkerPool pool, int threads) {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch allStarted = new CountDownLatch(threads);
    pool.parallelFor(threads, (from, to) -> {
      seen.add(Thread.currentThread());
      allStarted.countDown();
      try {
        assertTrue(allStarted.await(30, TimeUnit.SECONDS), "chunks never ran side by side");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    });
    return seen;
  }

  @Test
  void parallelFor_severalThreads_usesNamedDaemonWorkersAndTheCaller() {
    try (WorkerPool pool = WorkerPool.create(3)) {
      Set<Thread> threads = threadsOfOneLoop(pool, 3);
      assertEquals(3, threads.size());
      assertTrue(threads.contains(Thread.currentThread()));
      Set<String> workerNames = ConcurrentHashMap.newKeySet();
      for (Thread t : threads) {
        if (t != Thread.currentThread()) {
          assertTrue(t.isDaemon(), t.getName() + " should be a daemon");
          workerNames.add(t.getName());
        }
      }
      assertEquals(Set.of("backprop-worker-1", "backprop-worker-2"), workerNames);
    }
  }

  @Test
  void parallelFor_manyBackToBackCalls_allComplete() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicLong sum = new AtomicLong();
      for (int rep = 0; rep < 20_000; rep++) {
        pool.parallelFor(4, (from, to) -> sum.addAndGet(to - from));
      }
      assertEquals(80_000, sum.get());
    }
  }

  @Test
  void parallelFor_afterIdlePause_wakesParkedWorkers() throws InterruptedException {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicInteger count = new AtomicInteger();
      for (int rep = 0; rep < 5; rep++) {
        Thread.sleep(20); // long enough for the workers to stop spinning and park
        pool.parallelFor(2, (from, to) -> count.addAndGet(to - from));
      }
      assertEquals(10, count.get());
    }
  }

  @Test
  void parallelFor_writesByChunks_visibleToCallerAfterReturn() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      int[] plain = new int[1000];
      for (int rep = 1; rep <= 200; rep++) {
        int value = rep;
        pool.parallelFor(plain.length, (from, to) -> {
          for (int i = from; i < to; i++) {
            plain[i] = value;
          }
        });
        for (int i = 0; i < plain.length; i++) {
          assertEquals(rep, plain[i]);
        }
      }
    }
  }

  @Test
  void parallelFor_taskThrows_rethrowsAndPoolStaysUsable() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> pool.parallelFor(10, (from, to) -> {
            throw new IllegalStateException("chunk " + from);
          }));
      assertEquals("chunk 0", e.getMessage(), "the lowest chunk's exception wins");
      assertEquals(1, e.getSuppressed().length);
      assertEquals("chunk 5", e.getSuppressed()[0].getMessage());

      AtomicInteger count = new AtomicInteger();
      pool.parallelFor(10, (from, to) -> count.addAndGet(to - from));
      assertEquals(10, count.get());
    }
  }

  @Test
  void parallelFor_nestedCall_runsSameChunksInline() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicIntegerArray hits = new AtomicIntegerArray(100);
      pool.parallelFor(10, (from, to) -> {
        for (int i = from; i < to; i++) {
          int row = i;
          pool.parallelFor(10, (f, t) -> {
            for (int j = f; j < t; j++) {
              hits.incrementAndGet(row * 10 + j);
            }
          });
        }
      });
      for (int i = 0; i < 100; i++) {
        assertEquals(1, hits.get(i), "cell " + i);
      }
    }
  }

  @Test
  void parallelFor_concurrentCallers_bothComplete() throws InterruptedException {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicLong sum = new AtomicLong();
      Runnable caller = () -> {
        for (int rep = 0; rep < 2000; rep++) {
          pool.parallelFor(8, (from, to) -> sum.addAndGet(to - from));
        }
      };
      Thread other = new Thread(caller);
      other.start();
      caller.run();
      other.join();
      assertEquals(2 * 2000 * 8, sum.get());
    }
  }

  @Test
  void parallelFor_negativeSize_throws() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> pool.parallelFor(-1, (from, to) -> { }));
      assertEquals("WorkerPool.parallelFor: n must be non-negative, got -1", e.getMessage());
    }
  }

  @Test
  void close_stopsWorkersAndRejectsFurtherLoops() throws InterruptedException {
    WorkerPool pool = WorkerPool.create(3);
    Set<Thread> workers = threadsOfOneLoop(pool, 3);
    workers.remove(Thread.currentThread());
    assertEquals(2, workers.size());

    pool.close();
    pool.close(); // idempotent
    for (Thread t : workers) {
      assertFalse(t.isAlive(), t.getName() + " should have stopped");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> pool.parallelFor(3, (from, to) -> { }));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void close_fromInsideTask_throws() {
    WorkerPool pool = WorkerPool.create(2);
    try {
      AtomicInteger failures = new AtomicInteger();
      pool.parallelFor(2, (from, to) -> {
        try {
          pool.close();
        } catch (IllegalStateException expected) {
          failures.incrementAndGet();
        }
      });
      assertEquals(2, failures.get());
    } finally {
      pool.close();
    }
  }

  @Test
  void threads_returnsRequestedParallelism() {
    try (WorkerPool pool = WorkerPool.create(4)) {
      assertEquals(4, pool.threads());
    }
    try (WorkerPool pool = WorkerPool.create(1)) {
      assertEquals(1, pool.threads());
    }
  }
}
