package io.github.backprop.bench;

import io.github.backprop.activations.Activations;
import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward and backward throughput of the stock activations on a [64, 1024] batch, in elements
 * per microsecond: a = f(z), then dz = upstream * f'(z).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ActivationBenchmark {
  static final int ROWS = 64;
  static final int COLS = 1024;
  static final int ELEMENTS = ROWS * COLS;

  @Param({"relu", "sigmoid", "softmax", "gelu"})
  String activation;

  private Activation f;
  private Tensor z;
  private Tensor a;
  private Tensor upstream;
  private Tensor dz;

  @Setup
  public void setUp() {
    f = switch (activation) {
      case "relu" -> Activations.relu();
      case "sigmoid" -> Activations.sigmoid();
      case "softmax" -> Activations.softmax();
      case "gelu" -> Activations.gelu();
      default -> throw new IllegalArgumentException("unknown activation " + activation);
    };
    SplittableRandom random = new SplittableRandom(5);
    z = Tensor.wrap(random.doubles(ELEMENTS, -3, 3).toArray(), ROWS, COLS);
    upstream = Tensor.wrap(random.doubles(ELEMENTS, -1, 1).toArray(), ROWS, COLS);
    a = Tensor.zeros(ROWS, COLS);
    dz = Tensor.zeros(ROWS, COLS);
    f.forward(z, a);
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public Tensor forward() {
    f.forward(z, a);
    return a;
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public Tensor backward() {
    f.backward(z, a, upstream, dz);
    return dz;
  }
}
