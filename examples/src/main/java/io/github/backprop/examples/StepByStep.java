package io.github.backprop.examples;

import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's 2-2-2 sigmoid network (inputs i1, i2; hidden h1, h2; outputs o1, o2; weights
 * w1 ... w8), worked number by number: the forward pass, the total error, every product of the
 * backward pass next to the engine's gradient, the updated weights, then many more iterations.
 *
 * <p>The numbers are Matt Mazur's classic "A Step by Step Backpropagation Example" (2015):
 * inputs 0.05, 0.10, targets 0.01, 0.99, learning rate 0.5, and the biases b1 = 0.35 (both hidden
 * units) and b2 = 0.60 (both outputs) held fixed, as there. The total error starts at
 * 0.298371109; one update makes w5 0.35891648 and w1 0.149780716, and the error 0.291027774
 * (the post prints 0.291027924, but its own updated weights give 0.291027774). After 10000
 * updates the error is about 3.51e-5 (the post: 0.0000351085).
 *
 * <p>Seed 002's names: z is a unit's weighted input, a = sigmoid(z) its output, and
 * J = 1/2 (t_o1 - a_o1)^2 + 1/2 (t_o2 - a_o2)^2 the cost.
 *
 * <p>Run: {@code java -jar backprop-examples.jar step-by-step [--iterations 10000]}
 */
public final class StepByStep {
  static final double LEARNING_RATE = 0.5;

  private StepByStep() {}

  public static void main(String[] args) {
    Args options = Args.parse("step-by-step", args, "iterations");
    run(options.intValue("iterations", 10_000), System.out);
  }

  /**
   * Prints one step in full, then trains for {@code iterations} steps in all.
   *
   * @return the error before and after, and w1 ... w8 after the first update
   */
  public static Result run(int iterations, PrintStream out) {
    Components components = Backprop.components();
    Activation sigmoid = components.activation("sigmoid");
    // Row j of a layer's weights feeds unit j:
    // h1 = f(w1 i1 + w2 i2 + b1), h2 = f(w3 i1 + w4 i2 + b1), o1 = f(w5 h1 + w6 h2 + b2), ...
    Network network = Network.builder(2)
        .dense(sigmoid, Tensor.of(new double[][] {{0.15, 0.20}, {0.25, 0.30}}),
            Tensor.vector(0.35, 0.35))
        .dense(sigmoid, Tensor.of(new double[][] {{0.40, 0.45}, {0.50, 0.55}}),
            Tensor.vector(0.60, 0.60))
        .build();
    Loss loss = components.loss("squared_error"); // 1/2 sum_j (t_j - a_j)^2, seed 002's J
    Tensor input = Tensor.of(new double[][] {{0.05, 0.10}});
    Tensor target = Tensor.of(new double[][] {{0.01, 0.99}});
    double[] i = input.data();
    double[] t = target.data();

    Pass pass = network.pass(1);
    pass.load(input, target, null, 0, 1);
    double error = Gradients.compute(pass, loss); // forward, then backward
    double[] zh = pass.weightedInput(0).data();
    double[] ah = pass.activation(0).data();
    double[] zo = pass.weightedInput(1).data();
    double[] ao = pass.activation(1).data();
    double[] w = weights(network);

    out.println("Forward pass");
    out.printf("z_h1 = w1 i1 + w2 i2 + b1 = %.9f   a_h1 = sigmoid(z_h1) = %.9f%n", zh[0], ah[0]);
    out.printf("z_h2 = w3 i1 + w4 i2 + b1 = %.9f   a_h2 = sigmoid(z_h2) = %.9f%n", zh[1], ah[1]);
    out.printf("z_o1 = w5 a_h1 + w6 a_h2 + b2 = %.9f   a_o1 = %.9f%n", zo[0], ao[0]);
    out.printf("z_o2 = w7 a_h1 + w8 a_h2 + b2 = %.9f   a_o2 = %.9f%n", zo[1], ao[1]);
    double e1 = 0.5 * (t[0] - ao[0]) * (t[0] - ao[0]);
    double e2 = 0.5 * (t[1] - ao[1]) * (t[1] - ao[1]);
    out.printf("J = 1/2 (t_o1 - a_o1)^2 + 1/2 (t_o2 - a_o2)^2 = %.9f + %.9f = %.9f%n%n", e1, e2,
        error);

    // Output layer: dJ/dw = dJ/da_o * da_o/dz_o * dz_o/dw, with dz_o/dw the hidden output it
    // multiplies. The first two factors make delta_o = dJ/dz_o, reused for the hidden layer.
    out.println("Backward pass, output layer (chain rule 1)");
    double[] grad = new double[8];
    double[] deltaO = new double[2];
    for (int j = 0; j < 2; j++) {
      double dJdA = ao[j] - t[j];
      double dAdZ = ao[j] * (1 - ao[j]);
      deltaO[j] = dJdA * dAdZ;
      for (int k = 0; k < 2; k++) {
        int n = 5 + 2 * j + k; // w5, w6 feed o1; w7, w8 feed o2
        grad[n - 1] = dJdA * dAdZ * ah[k];
        out.printf("dJ/dw%d = dJ/da_o%d x da_o%d/dz_o%d x dz_o%d/dw%d"
            + " = %.9f x %.9f x %.9f = %.9f   (engine %.9f)%n", n, j + 1, j + 1, j + 1, j + 1, n,
            dJdA, dAdZ, ah[k], grad[n - 1], gradient(network, n));
      }
    }

    // Hidden layer: h_k reaches J along two paths, through o1 and through o2 (chain rule 2),
    // so dJ/da_hk = delta_o1 w(o1 <- hk) + delta_o2 w(o2 <- hk).
    out.println();
    out.println("Backward pass, hidden layer (chain rule 2: each hidden unit reaches J through"
        + " o1 and o2)");
    for (int k = 0; k < 2; k++) {
      double wFromO1 = w[4 + k];
      double wFromO2 = w[6 + k];
      double dJdA = deltaO[0] * wFromO1 + deltaO[1] * wFromO2;
      double dAdZ = ah[k] * (1 - ah[k]);
      for (int m = 0; m < 2; m++) {
        int n = 1 + 2 * k + m; // w1, w2 feed h1; w3, w4 feed h2
        grad[n - 1] = dJdA * dAdZ * i[m];
        out.printf("dJ/dw%d = (dJ/dz_o1 x w%d + dJ/dz_o2 x w%d) x da_h%d/dz_h%d x dz_h%d/dw%d"
            + " = (%.9f x %.2f + %.9f x %.2f) x %.9f x %.2f = %.9f   (engine %.9f)%n",
            n, 5 + k, 7 + k, k + 1, k + 1, k + 1, n, deltaO[0], wFromO1, deltaO[1], wFromO2,
            dAdZ, i[m], grad[n - 1], gradient(network, n));
      }
    }

    out.println();
    out.printf("Updated weights, w <- w - %s dJ/dw%n", LEARNING_RATE);
    double[] updated = new double[8];
    for (int n = 1; n <= 8; n++) {
      updated[n - 1] = w[n - 1] - LEARNING_RATE * grad[n - 1];
      out.printf("w%d = %.2f - %s x %.9f = %.9f%n", n, w[n - 1], LEARNING_RATE, grad[n - 1],
          updated[n - 1]);
    }

    // Train: the engine computes the gradients and sgd applies them to the weights only, since
    // the worked example keeps its biases fixed.
    Optimizer sgd = components.optimizer("sgd", Map.of("learningRate", LEARNING_RATE));
    List<Parameter> weights =
        List.of(network.layers().get(0).weights(), network.layers().get(1).weights());
    sgd.step(weights); // the update printed above
    double errorAfterOne = Gradients.meanLoss(network, loss, input, target);
    for (int step = 2; step <= iterations; step++) {
      Gradients.compute(pass, loss);
      sgd.step(weights);
    }
    double finalError = Gradients.meanLoss(network, loss, input, target);
    double[] outputs = network.predict(input).data();
    out.println();
    out.printf("J after 1 update: %.9f (was %.9f)%n", errorAfterOne, error);
    out.printf("J after %d updates: %.10f; outputs %.9f and %.9f for targets 0.01 and 0.99%n",
        iterations, finalError, outputs[0], outputs[1]);
    return new Result(error, updated, errorAfterOne, finalError, outputs);
  }

  /** w1 ... w8, in order. */
  private static double[] weights(Network network) {
    double[] w = new double[8];
    System.arraycopy(network.layers().get(0).weights().value().data(), 0, w, 0, 4);
    System.arraycopy(network.layers().get(1).weights().value().data(), 0, w, 4, 4);
    return w;
  }

  /** The engine's dJ/dw_n from the last backward pass, for n = 1 ... 8. */
  private static double gradient(Network network, int n) {
    Parameter layer = network.layers().get(n <= 4 ? 0 : 1).weights();
    return layer.grad().data()[(n - 1) % 4];
  }

  /**
   * What the run found.
   *
   * @param initialError J before any update (0.298371109 in the worked example)
   * @param updatedWeights w1 ... w8 after the first update
   * @param errorAfterOne J after the first update (0.291027774)
   * @param finalError J after all the updates
   * @param finalOutputs a_o1, a_o2 after all the updates
   */
  public record Result(double initialError, double[] updatedWeights, double errorAfterOne,
      double finalError, double[] finalOutputs) {}
}
