package io.github.backprop.examples;

import io.github.backprop.data.Dataset;
import io.github.backprop.data.Synthetic;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Trainer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A 2-2-1 sigmoid network learns exclusive-or; the same network with step units does not.
 *
 * <p>XOR is the smallest problem a network without a hidden layer cannot solve. With two sigmoid
 * hidden units and plain gradient descent all four outputs end within 0.1 of their targets.
 * With step units (1 for z &gt; 0, else 0; seed 001's last case) every derivative f'(z) is 0, so
 * by the chain rule every gradient is 0 and gradient descent never moves a weight.
 *
 * <p>Run: {@code java -jar backprop-examples.jar xor [--epochs 2000]}
 */
public final class Xor {
  static final int EPOCHS = 2000;
  static final double LEARNING_RATE = 1.0;
  /** Seeds the starting weights; a 2-2-1 network stalls from a few starts (seed 1 does). */
  static final long SEED = 2;

  private Xor() {}

  public static void main(String[] args) {
    Args options = Args.parse("xor", args, "epochs");
    run(options.intValue("epochs", EPOCHS), System.out);
  }

  /** Trains both networks and prints what each one outputs. */
  public static Result run(int epochs, PrintStream out) {
    Components components = Backprop.components();
    Dataset xor = Synthetic.xor(); // inputs (0,0) (0,1) (1,0) (1,1), targets 0 1 1 0
    Loss loss = components.loss("squared_error");

    Network network = components.network("2-2-1", "sigmoid", "sigmoid", SEED);
    out.println("Training " + network + " on XOR with sgd, one sample per step:");
    Trainer.builder()
        .loss(loss)
        .optimizer(components.optimizer("sgd", Map.of("learningRate", LEARNING_RATE)))
        .epochs(epochs)
        .batchSize(1)
        .shuffle(SEED)
        .listener(new EpochPrinter(Math.max(1, epochs / 10), out))
        .build()
        .fit(network, xor);
    double[] learned = network.predict(xor.inputs()).data();
    print(out, xor, learned);

    Network step = components.network("2-2-1", "step", "step", SEED);
    double before = Gradients.meanLoss(step, loss, xor.inputs(), xor.targets());
    Trainer.builder()
        .loss(loss)
        .optimizer(components.optimizer("sgd", Map.of("learningRate", LEARNING_RATE)))
        .epochs(epochs)
        .batchSize(1)
        .shuffle(SEED)
        .build()
        .fit(step, xor);
    double after = Gradients.meanLoss(step, loss, xor.inputs(), xor.targets());
    Gradients.compute(step, loss, xor.inputs(), xor.targets());
    double largestGradient = largestGradient(step.parameters());
    out.println();
    out.println("The same network with step units, after " + epochs + " epochs:");
    double[] stepOutputs = step.predict(xor.inputs()).data();
    print(out, xor, stepOutputs);
    out.printf("loss %.6f before training, %.6f after; largest |gradient| %s%n", before, after,
        largestGradient);
    out.println("It cannot learn: step'(z) = 0 everywhere, and every gradient is a product that"
        + " contains");
    out.println("f'(z) (delta = dC/da * f'(z), BP1 and BP2), so every gradient is 0 and no"
        + " weight ever moves.");
    return new Result(learned, stepOutputs, before, after, largestGradient);
  }

  private static void print(PrintStream out, Dataset xor, double[] outputs) {
    for (int i = 0; i < outputs.length; i++) {
      out.printf("  %.0f xor %.0f = %.0f   network: %.4f%n", xor.inputs().get(i, 0),
          xor.inputs().get(i, 1), xor.targets().get(i, 0), outputs[i]);
    }
  }

  private static double largestGradient(List<Parameter> parameters) {
    double largest = 0;
    for (Parameter p : parameters) {
      for (double g : p.grad().data()) {
        largest = Math.max(largest, Math.abs(g));
      }
    }
    return largest;
  }

  /**
   * What the two networks did.
   *
   * @param learned the sigmoid network's outputs for (0,0) (0,1) (1,0) (1,1)
   * @param stepOutputs the step network's outputs for the same inputs
   * @param stepLossBefore the step network's mean loss before training
   * @param stepLossAfter and after
   * @param stepLargestGradient the largest |gradient| of any step-network parameter
   */
  public record Result(double[] learned, double[] stepOutputs, double stepLossBefore,
      double stepLossAfter, double stepLargestGradient) {}
}
