package io.github.backprop.bench;

import java.util.Arrays;

/**
 * Entry point of {@code backprop-bench.jar}:
 *
 * <pre>
 * java -jar bench/target/backprop-bench.jar e2e [--threads N] [--epochs E] [--profile]
 * java -jar bench/target/backprop-bench.jar encog [--epochs E]
 * java -jar bench/target/backprop-bench.jar jmh [JMH options, e.g. -prof gc GemmBenchmark]
 * </pre>
 */
public final class Main {
  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar backprop-bench.jar COMMAND [OPTIONS]",
      "  e2e [--threads N] [--epochs E] [--profile]",
      "                                   mnist-mlp end to end: 1 warm-up + E timed epochs;",
      "                                   --profile also times each op inside the steps",
      "  encog [--epochs E]               the same workload in Encog 3.4",
      "  jmh [JMH options]                the micro-benchmarks (jmh -h lists the options)");

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "e2e" -> EndToEnd.run(rest);
        case "encog" -> EncogMnistMlp.run(rest);
        case "jmh" -> org.openjdk.jmh.Main.main(rest);
        default -> throw new IllegalArgumentException("unknown command " + args[0]);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  /** The integer value of option {@code name} at {@code args[i]}, at least {@code min}. */
  static int intOption(String[] args, int i, String name, int min) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + ": missing value");
    }
    int value;
    try {
      value = Integer.parseInt(args[i]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": expected a whole number, got " + args[i]);
    }
    if (value < min) {
      throw new IllegalArgumentException(name + ": must be at least " + min + ", got " + value);
    }
    return value;
  }
}
