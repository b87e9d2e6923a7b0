package io.github.backprop.bench;

import io.github.backprop.kernels.Gemm;
import io.github.backprop.kernels.WorkerPool;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code C = op(A) op(B)} for square n x n matrices, every transpose combination ({@code
 * trans}: first letter A, second B; N as stored, T transposed), on 1 and 2 threads.
 *
 * <p>Read the {@code gemm:gflops} rows: JMH reports that counter per second, which is GFLOP/s
 * (2 n^3 floating-point operations per product). The primary score is products per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class GemmBenchmark {
  @Param({"64", "128", "256", "512", "1024"})
  int n;

  @Param({"NN", "NT", "TN", "TT"})
  String trans;

  @Param({"1", "2"})
  int threads;

  private boolean transA;
  private boolean transB;
  private double[] a;
  private double[] b;
  private double[] c;
  private WorkerPool workers;

  /** Floating-point operations done, in units of 10^9; reported per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Flops {
    public double gflops;

    @Setup(Level.Iteration)
    public void reset() {
      gflops = 0;
    }
  }

  @Setup
  public void setUp() {
    transA = trans.charAt(0) == 'T';
    transB = trans.charAt(1) == 'T';
    SplittableRandom random = new SplittableRandom(n);
    a = random.doubles((long) n * n, -1, 1).toArray();
    b = random.doubles((long) n * n, -1, 1).toArray();
    c = new double[n * n];
    workers = WorkerPool.create(threads);
  }

  @TearDown
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  public double[] gemm(Flops flops) {
    Gemm.gemm(workers, transA, transB, n, n, n, a, n, b, n, false, c, n);
    flops.gflops += 2e-9 * n * n * n;
    return c;
  }
}
