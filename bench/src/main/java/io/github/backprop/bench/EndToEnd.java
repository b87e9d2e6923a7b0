package io.github.backprop.bench;

import io.github.backprop.data.Dataset;
import io.github.backprop.graph.OpTimes;
import io.github.backprop.kernels.Gemm;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Network;
import io.github.backprop.train.TrainingListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark: trains {@link MnistMlp} for one warm-up epoch and then {@code
 * epochs} timed ones, printing one line per epoch and, last, one line of JSON:
 *
 * <pre>
 * {"workload": "mnist-mlp", "threads": 2, "gemm": "java-loops", "msPerEpoch": [1234.5, 1230.1],
 *  "samplesPerSecond": 48700.0, "peakHeapMB": 420.3, "liveHeapMB": 380.2}
 * </pre>
 *
 * <p>{@code gemm} names the matrix-multiply blocks the JVM chose ({@code java-loops} on plain
 * JDK 17; {@code vector-api-512} when started with {@code --add-modules jdk.incubator.vector} on
 * an AVX-512 machine); see {@link io.github.backprop.kernels.Gemm#implementation()}.
 *
 * <p>{@code samplesPerSecond} is computed from the median timed epoch. {@code peakHeapMB} is the
 * sum of the peak usage of every heap memory pool over the whole run (data included), an upper
 * bound on the largest heap the run used at any one time, garbage included. {@code liveHeapMB}
 * is the most heap any collection left in use (see {@link LiveHeap}), a final one included: the
 * high mark of what the run kept alive, which is what it needs.
 *
 * <p>With {@code --profile}, each op of the full batches' graph is timed in the timed epochs
 * (see {@link OpTimes}), and a table of microseconds per batch, forward and backward, comes
 * before the JSON: where a step's time goes while it trains, not on each op alone.
 */
final class EndToEnd {
  private EndToEnd() {}

  /**
   * Options: {@code --threads N} (default 1), {@code --epochs E} timed epochs (default 2),
   * {@code --profile}.
   */
  static void run(String[] args) {
    int threads = 1;
    int epochs = 2;
    boolean profile = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Main.intOption(args, ++i, "--threads", 1);
        case "--epochs" -> epochs = Main.intOption(args, ++i, "--epochs", 1);
        case "--profile" -> profile = true;
        default -> throw new IllegalArgumentException("e2e: unknown option " + args[i]
            + "; expected --threads N, --epochs E, --profile");
      }
    }
    double[] ms = new double[epochs + 1];
    OpTimes times = profile ? new OpTimes() : null;
    long liveBytes;
    try (LiveHeap live = LiveHeap.start()) {
      Dataset data = MnistMlp.data(MnistMlp.SAMPLES);
      try (WorkerPool workers = WorkerPool.create(threads)) {
        Network network = MnistMlp.network(workers);
        MnistMlp.trainer(epochs + 1, epochTimer(ms, network, times)).fit(network, data);
      }
      liveBytes = live.maxAfterCollection();
    }
    double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
    double median = median(timed);
    if (times != null) {
      int steps = (MnistMlp.SAMPLES + MnistMlp.BATCH_SIZE - 1) / MnistMlp.BATCH_SIZE;
      double msPerStep = Arrays.stream(timed).sum() / ((double) epochs * steps);
      System.out.print(profileTable(times.entries(), msPerStep * 1000));
    }
    StringBuilder json = new StringBuilder();
    json.append("{\"workload\": \"").append(MnistMlp.NAME).append("\", \"threads\": ")
        .append(threads).append(", \"gemm\": \"").append(Gemm.implementation())
        .append("\", \"msPerEpoch\": [");
    for (int i = 0; i < timed.length; i++) {
      json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", timed[i]));
    }
    json.append("], \"samplesPerSecond\": ")
        .append(String.format(Locale.ROOT, "%.1f", MnistMlp.SAMPLES / median * 1000))
        .append(", \"peakHeapMB\": ")
        .append(String.format(Locale.ROOT, "%.1f", peakHeapBytes() / (1024.0 * 1024.0)))
        .append(", \"liveHeapMB\": ")
        .append(String.format(Locale.ROOT, "%.1f", liveBytes / (1024.0 * 1024.0)))
        .append('}');
    System.out.println(json);
  }

  /**
   * Writes each epoch's milliseconds into {@code ms[epoch - 1]} and prints a line for it; with
   * {@code times}, starts timing the full batches' ops once the warm-up epoch is over.
   */
  private static TrainingListener epochTimer(double[] ms, Network network, OpTimes times) {
    return new TrainingListener() {
      private long start;

      @Override
      public void onEpochStart(int epoch) {
        start = System.nanoTime();
      }

      @Override
      public void onEpochEnd(io.github.backprop.train.EpochSummary summary) {
        int epoch = summary.epoch();
        ms[epoch - 1] = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "epoch %d%s: %.1f ms, loss %.5f%n", epoch,
            epoch == 1 ? " (warm-up)" : "", ms[epoch - 1], summary.meanLoss());
        if (epoch == 1 && times != null) {
          network.pass(MnistMlp.BATCH_SIZE).graph().recordTimes(times);
        }
      }
    };
  }

  /**
   * The profile as a table: microseconds per batch for each op, forward and backward, their
   * totals, and what the rest of a step (loading the batch, the loss, the finite check, the
   * optimizer) took, from the time of a whole step.
   */
  static String profileTable(List<OpTimes.Entry> entries, double stepMicros) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "profile, us per batch of %d in the timed epochs:%n%-14s %-10s %9s %9s%n",
        MnistMlp.BATCH_SIZE, "node", "op", "forward", "backward"));
    double forward = 0;
    double backward = 0;
    for (OpTimes.Entry e : entries) {
      double f = perRun(e.forwardNanos(), e.forwardRuns());
      double b = perRun(e.backwardNanos(), e.backwardRuns());
      forward += f;
      backward += b;
      table.append(String.format(Locale.ROOT, "%-14s %-10s %9s %9s%n", e.node(), e.op(),
          micros(f, e.forwardRuns()), micros(b, e.backwardRuns())));
    }
    table.append(String.format(Locale.ROOT, "%-25s %9.1f %9.1f%n", "all ops", forward, backward))
        .append(String.format(Locale.ROOT, "%-25s %9.1f%n", "rest of the step",
            stepMicros - forward - backward));
    return table.toString();
  }

  private static double perRun(long nanos, long runs) {
    return runs == 0 ? 0 : nanos / 1e3 / runs;
  }

  /** One decimal, or "-" for a pass the op never ran (an output layer fused with its loss). */
  private static String micros(double value, long runs) {
    return runs == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The sum over heap pools of each pool's peak usage since the JVM started. */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
