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
 * {@code C = op(A) op(B)} on 1 and 2 threads. {@code shape} is {@code TRANS:m:n:k}: TRANS's first
 * letter is A's, its second B's (N as stored, T transposed); op(A) is m x k and op(B) k x n.
 * The shapes are square n x n ones with every transpose combination, and the products one
 * mnist-mlp training step runs: forward {@code z = x W^T} is NT with m = 64, the weight
 * gradient {@code delta^T a} is TN with k = 64, the input gradient {@code delta W} is NN with
 * m = 64. Pick some with {@code -p shape=NN:512:512:512,NT:64:256:784}.
 *
 * <p>Read the {@code gemm:gflops} rows: JMH reports that counter per second, which is GFLOP/s
 * (2 m n k floating-point operations per product). The primary score is products per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class GemmBenchmark {
  @Param({
      // square n x n, every transpose combination
      "NN:64:64:64", "NT:64:64:64", "TN:64:64:64", "TT:64:64:64",
      "NN:128:128:128", "NT:128:128:128", "TN:128:128:128", "TT:128:128:128",
      "NN:256:256:256", "NT:256:256:256", "TN:256:256:256", "TT:256:256:256",
      "NN:512:512:512", "NT:512:512:512", "TN:512:512:512", "TT:512:512:512",
      "NN:1024:1024:1024", "NT:1024:1024:1024", "TN:1024:1024:1024", "TT:1024:1024:1024",
      // the products of one mnist-mlp training step (batch 64, 784-256-128-10)
      "NT:64:256:784", "TN:256:784:64", "NT:64:128:256", "TN:128:256:64", "NN:64:256:128"})
  String shape;

  @Param({"1", "2"})
  int threads;

  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
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
    String[] parts = shape.split(":");
    transA = parts[0].charAt(0) == 'T';
    transB = parts[0].charAt(1) == 'T';
    m = Integer.parseInt(parts[1]);
    n = Integer.parseInt(parts[2]);
    k = Integer.parseInt(parts[3]);
    SplittableRandom random = new SplittableRandom(m * 31L + n * 7L + k);
    a = random.doubles((long) m * k, -1, 1).toArray();
    b = random.doubles((long) k * n, -1, 1).toArray();
    c = new double[m * n];
    workers = WorkerPool.create(threads);
  }

  @TearDown
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  public double[] gemm(Flops flops) {
    Gemm.gemm(workers, transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, false, c,
        n);
    flops.gflops += 2e-9 * m * n * k;
    return c;
  }
}
