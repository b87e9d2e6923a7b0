package io.github.backprop.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs Vector API code on tiny inputs until the JIT has compiled it, before real work reaches
 * it.
 *
 * <p>Until C2 compiles a method, every Vector API operation in it allocates a vector object
 * (the interpreter and C1 do not keep vectors in registers), and C2 compiles a method only after
 * thousands of calls. On full-size blocks those first calls make garbage by the gigabyte, which
 * grows the heap for the rest of the run: on mnist-mlp, 0.6 to 1 GB through the first epoch,
 * which took the run's peak heap from its 383 MB of live data to 580-940 MB. One-step calls,
 * with pauses for the compiler, make the same compilations happen for a fraction of that
 * garbage: the peak is then 445-475 MB.
 */
final class JitWarmUp {
  /** Calls per round: enough that a round of compiled code allocates nothing measurable. */
  static final int CALLS_PER_ROUND = 100;

  /** Allocation per round, in bytes, under which the round's code counts as compiled. */
  static final long COMPILED_BELOW = 1024;

  /**
   * Longest warm-up, in nanoseconds: ten times what the Vector API's takes on a 2-core machine
   * (about 0.3 s), so that a busy machine still finishes it.
   */
  static final long MAX_NANOS = 3_000_000_000L;

  /**
   * Pause between rounds, in nanoseconds. The compiler threads share the cores with the
   * warm-up: pausing lets them work through their queue, and C2 then compiles after fewer
   * calls. On mnist-mlp (2 cores) the kernels needed about 110 rounds instead of 300, and the
   * run's peak heap fell from 533-569 MB to 445-475 MB, for about the same time.
   */
  static final long PAUSE_NANOS = 1_000_000L;

  private JitWarmUp() {}

  /**
   * Runs {@code round}, with a {@link #PAUSE_NANOS} pause after each run, until one run of it
   * allocates less than {@link #COMPILED_BELOW} bytes on this thread, or until {@code maxNanos}
   * have passed. Returns at once on a JVM that cannot count allocated bytes per thread. Call it
   * only where {@link #c2Compiles}: without C2 the rounds never stop allocating, and it runs to
   * {@code maxNanos}.
   *
   * @param round {@link #CALLS_PER_ROUND} calls of the code to compile, each on inputs small
   *     enough to allocate little while interpreted
   * @param maxNanos time after which to give up
   * @return the number of rounds run
   */
  static int untilCompiled(Runnable round, long maxNanos) {
    com.sun.management.ThreadMXBean allocations = allocationCounter();
    if (allocations == null) {
      return 0;
    }
    long start = System.nanoTime();
    int rounds = 0;
    while (true) {
      long before = allocations.getCurrentThreadAllocatedBytes();
      round.run();
      rounds++;
      long allocated = allocations.getCurrentThreadAllocatedBytes() - before;
      if (allocated < COMPILED_BELOW || System.nanoTime() - start >= maxNanos) {
        return rounds;
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }

  /** HotSpot's per-thread allocation counter, or null where it is missing or switched off. */
  private static com.sun.management.ThreadMXBean allocationCounter() {
    try {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      if (threads instanceof com.sun.management.ThreadMXBean counter
          && counter.isThreadAllocatedMemorySupported()
          && counter.isThreadAllocatedMemoryEnabled()) {
        return counter;
      }
    } catch (LinkageError e) {
      // A runtime image without the jdk.management module: run without a warm-up.
    }
    return null;
  }

  /**
   * Whether this JVM compiles hot code with C2, the only compiler that keeps Vector API values
   * in registers: false under {@code -Xint} and {@code -XX:TieredStopAtLevel=1} to 3, where
   * Vector API code runs about 20 times slower than plain loops. True where it cannot tell.
   */
  static boolean c2Compiles() {
    try {
      if (ManagementFactory.getCompilationMXBean() == null) {
        return false;
      }
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null) {
        return true;
      }
      boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
      return !tiered || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
    } catch (LinkageError | IllegalArgumentException e) {
      // No management modules, or a JVM without these options.
      return true;
    }
  }
}
