package io.github.backprop.bench;

import io.github.backprop.data.Dataset;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingListener;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of {@link MnistMlp} at batch 64: load the batch, forward, loss, backward,
 * finiteness check, sgd step, exactly as {@link Trainer#fit} runs it. Each invocation fits one
 * epoch of {@value #BATCHES} batches and counts as that many operations, so the score is time
 * per batch and, with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per batch
 * (the few objects fit allocates once per call, spread over the batches).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TrainingStepBenchmark {
  static final int BATCHES = 64;

  @Param({"1", "2"})
  int threads;

  private Dataset data;
  private WorkerPool workers;
  private Network network;
  private Trainer trainer;

  @Setup
  public void setUp() {
    data = MnistMlp.data(BATCHES * MnistMlp.BATCH_SIZE);
    workers = WorkerPool.create(threads);
    network = MnistMlp.network(workers);
    trainer = MnistMlp.trainer(1, new TrainingListener() {});
  }

  @TearDown
  public void tearDown() {
    workers.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES)
  public Network step() {
    trainer.fit(network, data);
    return network;
  }
}
