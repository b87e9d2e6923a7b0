package io.github.backprop.examples;

import io.github.backprop.gradcheck.GradientCheck;
import io.github.backprop.gradcheck.GradientCheckResult;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Initializers;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.ScalarActivation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.io.PrintStream;
import java.util.Random;

/**
 * The gradient check: every backprop gradient compared with a central finite difference of the
 * loss, first on a random network, then on one whose activation has a wrong derivative.
 *
 * <p>The check is how to trust a new activation or loss: backprop and the finite difference
 * (L(w + h) - L(w - h)) / 2h agree to about 1e-9 when the derivative is right. When it is wrong,
 * the gradients of that layer and of every layer before it disagree (BP2 carries the error
 * back), and the check names the last layer that disagrees and its activation.
 *
 * <p>Run: {@code java -jar backprop-examples.jar gradient-check}
 */
public final class GradientCheckExample {
  /** The tolerance on the relative error; double precision leaves about 1e-9. */
  static final double TOLERANCE = 1e-7;

  private GradientCheckExample() {}

  public static void main(String[] args) {
    Args.parse("gradient-check", args);
    run(System.out);
  }

  /**
   * A sigmoid whose derivative forgets the factor (1 - a): a classic slip.
   *
   * <p>A custom activation is two scalar methods; this one's second method is wrong on purpose.
   */
  static final class BuggySigmoid extends ScalarActivation {
    @Override
    public String name() {
      return "buggy_sigmoid";
    }

    @Override
    public double value(double z) {
      return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double derivative(double z, double a) {
      return a; // should be a * (1 - a)
    }
  }

  /**
   * Checks both networks and prints each result.
   *
   * @return the results for the sound network and for the buggy one
   */
  public static GradientCheckResult[] run(PrintStream out) {
    Components components = Backprop.components();
    Loss loss = components.loss("squared_error");
    Random random = new Random(11);
    Tensor x = uniform(random, 5, 3, -1, 1);
    Tensor y = uniform(random, 5, 2, 0, 1); // targets a sigmoid output can reach

    Network sound = network(components.activation("tanh"), components);
    GradientCheckResult good = GradientCheck.run(sound, loss, x, y);
    out.println("Network " + sound + ", 5 random samples:");
    out.println("  " + good);
    out.println("  " + (good.passed(TOLERANCE) ? "PASSED" : "FAILED") + " (tolerance "
        + TOLERANCE + ")");

    Network buggy = network(new BuggySigmoid(), components);
    GradientCheckResult bad = GradientCheck.run(buggy, loss, x, y);
    out.println();
    out.println("Network " + buggy + ", whose buggy_sigmoid returns a instead of a (1 - a):");
    out.println("  " + bad);
    out.println("  " + (bad.passed(TOLERANCE) ? "PASSED" : "FAILED") + " (tolerance "
        + TOLERANCE + ")");
    return new GradientCheckResult[] {good, bad};
  }

  /** 3 inputs, 4 units of {@code middle} between two tanh layers, 2 sigmoid outputs. */
  private static Network network(Activation middle, Components components) {
    return Network.builder(3)
        .dense(4, components.activation("tanh"))
        .dense(4, middle, Initializers.xavierUniform(), Initializers.uniform(-0.5, 0.5))
        .dense(2, components.activation("sigmoid"))
        .seed(5)
        .build();
  }

  private static Tensor uniform(Random random, int rows, int cols, double low, double high) {
    Tensor t = Tensor.zeros(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = low + (high - low) * random.nextDouble();
    }
    return t;
  }
}
