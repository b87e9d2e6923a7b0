package io.github.backprop.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The runnable jar's entry point: lists the examples, or runs one by name.
 *
 * <pre>
 * java -jar backprop-examples.jar                 # one line per example
 * java -jar backprop-examples.jar xor --epochs 3000
 * </pre>
 *
 * <p>Each example is also a plain class with its own {@code main}, to read and copy.
 */
public final class Examples {
  /** A main method, as a value. */
  @FunctionalInterface
  public interface Main {
    void run(String[] args) throws Exception;
  }

  /**
   * One row of the table.
   *
   * @param name what to type after the jar
   * @param summary one line: what it shows
   * @param main the example's main method
   */
  public record Example(String name, String summary, Main main) {}

  /** Every example, in the order a learner would take them. Add a row to add an example. */
  public static final List<Example> ALL = List.of(
      new Example("seed-network",
          "seed 001's 2-2-1 network: each derivative as written, corrected, and by backprop",
          SeedNetwork::main),
      new Example("step-by-step",
          "seed 002's 2-2-2 network worked number by number, then trained",
          StepByStep::main),
      new Example("bp-equations",
          "seed 003's BP1-BP4 per layer of a 3-layer network next to the engine's gradients",
          BpEquations::main),
      new Example("xor",
          "a 2-2-1 network learns XOR; with step units it cannot, and why",
          Xor::main),
      new Example("spirals",
          "two interleaved spirals, two hidden layers; PNG of the decision boundary",
          Spirals::main),
      new Example("digits",
          "8x8 handwritten digits, >= 97% on a stratified test set; confusion matrix, PNG",
          Digits::main),
      new Example("iris",
          "Fisher's iris, 3 species from 4 standardised measurements, >= 95% held out",
          Iris::main),
      new Example("sine",
          "regression of sin x on [-pi, pi]; PNG of the fit",
          Sine::main),
      new Example("custom-activation",
          "your own activation (swish_beta) bound by your own Guice module, trained, checked",
          CustomActivation::main),
      new Example("optimizers",
          "the same network trained with every optimizer; PNG of all loss curves",
          OptimizerComparison::main),
      new Example("gradient-check",
          "backprop against finite differences, on a sound network and a buggy one",
          GradientCheckExample::main));

  private Examples() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Lists or runs.
   *
   * @return the exit status: 0, or 2 for an unknown example or bad arguments
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      list(out);
      return 0;
    }
    for (Example example : ALL) {
      if (example.name().equals(args[0])) {
        try {
          example.main().run(Arrays.copyOfRange(args, 1, args.length));
          return 0;
        } catch (Args.UsageException e) {
          err.println(e.getMessage());
          return 2;
        }
      }
    }
    err.println("no example named \"" + args[0] + "\"; the examples are:");
    list(err);
    return 2;
  }

  private static void list(PrintStream out) {
    out.println("usage: java -jar backprop-examples.jar NAME [--epochs N] [--out DIR]"
        + "   (plots go to DIR, default ./out)");
    for (Example example : ALL) {
      out.printf("  %-18s %s%n", example.name(), example.summary());
    }
  }
}
