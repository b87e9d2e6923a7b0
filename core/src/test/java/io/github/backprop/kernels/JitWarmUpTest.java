package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core's pom runs these with and without the Vector API module; both runs must pass. */
class JitWarmUpTest {
  /** Where rounds put what they allocate, so that no compiler can drop the allocation. */
  private static volatile Object sink;

  private com.sun.management.ThreadMXBean allocations;

  @BeforeEach
  void needsTheAllocationCounter() {
    Assumptions.assumeTrue(ManagementFactory.getThreadMXBean()
        instanceof com.sun.management.ThreadMXBean, "needs HotSpot's per-thread counter");
    allocations = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(allocations.isThreadAllocatedMemorySupported()
        && allocations.isThreadAllocatedMemoryEnabled());
    Assumptions.assumeTrue(ManagementFactory.getCompilationMXBean() != null, "needs a JIT");
  }

  @Test
  void untilCompiled_stopsAtTheFirstRoundThatAllocatesNothing() {
    int[] calls = {0};
    int rounds = JitWarmUp.untilCompiled(() -> {
      if (++calls[0] <= 3) {
        sink = new byte[64 * 1024];
      }
    }, 60_000_000_000L);
    assertEquals(4, rounds);
    assertEquals(4, calls[0]);
  }

  @Test
  void untilCompiled_codeThatNeverStopsAllocating_givesUpAfterTheTimeLimit() {
    long start = System.nanoTime();
    int rounds = JitWarmUp.untilCompiled(() -> sink = new byte[64 * 1024], 50_000_000L);
    long elapsed = System.nanoTime() - start;
    assertTrue(rounds > 1, "rounds: " + rounds);
    assertTrue(elapsed >= 50_000_000L, "stopped after " + elapsed + " ns");
  }

  @Test
  void vectorApiBlocks_fromTheProvider_allocateNothingOnTheirFirstFullSizeBlock() {
    GemmBlocks blocks = GemmBlocksProvider.vectorApi();
    Assumptions.assumeTrue(blocks != null, "no Vector API on this JVM");
    // 64 rows by 40 columns: the full kernel and a narrow one; depth 300: two depth blocks.
    int m = 64;
    int n = 40;
    int k = 300;
    double[] x = new double[m * k];
    double[] y = new double[k * n];
    double[] z = new double[m * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 7) - 3;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = (i % 5) - 2;
    }
    // The first block on a thread allocates that thread's packing buffers; measure the next.
    blocks.compute(0, 8, 0, n, 1, x, 0, k, 1, y, 0, n, 1, false, z, 0, n, 1);
    long before = allocations.getCurrentThreadAllocatedBytes();
    blocks.compute(0, m, 0, n, k, x, 0, k, 1, y, 0, n, 1, false, z, 0, n, 1);
    long allocated = allocations.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < JitWarmUp.COMPILED_BELOW,
        "the first full-size block allocated " + allocated + " bytes: its kernels ran"
            + " uncompiled");
    double expected = 0;
    for (int p = 0; p < k; p++) {
      expected = Math.fma(x[5 * k + p], y[p * n + 33], expected);
    }
    assertEquals(expected, z[5 * n + 33]);
  }

  @Test
  void vectorApiFiniteScan_afterTheProvider_allocatesNothingOnItsFirstLongScan() {
    Assumptions.assumeTrue(GemmBlocksProvider.vectorApi() != null, "no Vector API on this JVM");
    double[] gradient = new double[200_003];
    gradient[200_001] = Double.NaN;
    long before = allocations.getCurrentThreadAllocatedBytes();
    boolean finite = VectorApiFiniteScan.allFinite(gradient, 0, gradient.length);
    long allocated = allocations.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < JitWarmUp.COMPILED_BELOW,
        "the first long scan allocated " + allocated + " bytes: it ran uncompiled");
    assertEquals(false, finite);
  }
}
