package io.github.backprop.examples;

import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Gradients;
import java.io.PrintStream;
import java.util.List;

/**
 * Seed 001's 2-2-1 network: every partial derivative three ways, the seed's formula as written,
 * the corrected formula and the engine's backprop value, and where the seed goes wrong.
 *
 * <p>The seed's names: a_i = w_i1 x1 + w_i2 x2 + b_i is the weighted input of hidden unit i,
 * z_i = f(a_i) its output (f is the sigmoid), y_hat = w1 z1 + w2 z2 + b the network's output and
 * E = 1/2 (y - y_hat)^2 the error on one pair (x, y).
 *
 * <p>Run: {@code java -jar backprop-examples.jar seed-network}
 */
public final class SeedNetwork {
  // One training pair and a set of parameters, chosen so that no factor is 0 or 1.
  static final double X1 = 1.0;
  static final double X2 = 0.5;
  static final double Y = 0.8;
  static final double W11 = 0.15;
  static final double W12 = -0.25;
  static final double B1 = 0.05;
  static final double W21 = 0.35;
  static final double W22 = 0.10;
  static final double B2 = -0.05;
  static final double W1 = 0.6;
  static final double W2 = -0.4;
  static final double B = 0.1;

  /** The parameters in the order the seed derives them. */
  static final List<String> NAMES =
      List.of("b", "w1", "w2", "w11", "w12", "b1", "w21", "w22", "b2");

  private SeedNetwork() {}

  public static void main(String[] args) {
    Args.parse("seed-network", args);
    run(System.out);
  }

  /**
   * Prints the forward pass and the derivative table.
   *
   * @return the three values of each derivative, in {@link #NAMES} order
   */
  public static Result run(PrintStream out) {
    // Forward pass, in the seed's names.
    double a1 = W11 * X1 + W12 * X2 + B1;
    double a2 = W21 * X1 + W22 * X2 + B2;
    double z1 = sigmoid(a1);
    double z2 = sigmoid(a2);
    double yHat = W1 * z1 + W2 * z2 + B;
    double fPrime1 = z1 * (1 - z1); // the seed's f'(x) = f(x) [1 - f(x)] for the sigmoid
    double fPrime2 = z2 * (1 - z2);
    out.printf("seed 001: x = (%s, %s), y = %s, f = sigmoid%n", X1, X2, Y);
    out.printf("a1 = %.6f  z1 = f(a1) = %.6f%n", a1, z1);
    out.printf("a2 = %.6f  z2 = f(a2) = %.6f%n", a2, z2);
    out.printf("y_hat = w1 z1 + w2 z2 + b = %.6f   E = 1/2 (y - y_hat)^2 = %.6f%n%n", yHat,
        0.5 * (Y - yHat) * (Y - yHat));

    // The seed's formulas, as written: every one starts from dE/dy_hat = (y - y_hat).
    double seedDy = Y - yHat;
    double[] asWritten = {
      seedDy, seedDy * z1, seedDy * z2,
      seedDy * W1 * fPrime1 * X1, seedDy * W1 * fPrime1 * X2, seedDy * W1 * fPrime1,
      seedDy * W2 * fPrime2 * X1, seedDy * W2 * fPrime2 * X2, (Y - 1) * W2 * fPrime2,
    };

    // Corrected: E = 1/2 (y - y_hat)^2 gives dE/dy_hat = -(y - y_hat) = y_hat - y.
    double dy = yHat - Y;
    double[] corrected = {
      dy, dy * z1, dy * z2,
      dy * W1 * fPrime1 * X1, dy * W1 * fPrime1 * X2, dy * W1 * fPrime1,
      dy * W2 * fPrime2 * X1, dy * W2 * fPrime2 * X2, dy * W2 * fPrime2,
    };

    // The engine: the same network, one backward pass. squared_error is the seed's E.
    Components components = Backprop.components();
    Network network = Network.builder(2)
        .dense(components.activation("sigmoid"),
            Tensor.of(new double[][] {{W11, W12}, {W21, W22}}), Tensor.vector(B1, B2))
        .dense(components.activation("identity"), Tensor.of(new double[][] {{W1, W2}}),
            Tensor.vector(B))
        .build();
    Gradients.compute(network, components.loss("squared_error"),
        Tensor.of(new double[][] {{X1, X2}}), Tensor.of(new double[][] {{Y}}));
    double[] hiddenW = network.layers().get(0).weights().grad().data(); // w11 w12 w21 w22
    double[] hiddenB = network.layers().get(0).bias().grad().data(); // b1 b2
    double[] outputW = network.layers().get(1).weights().grad().data(); // w1 w2
    double[] outputB = network.layers().get(1).bias().grad().data(); // b
    double[] engine = {
      outputB[0], outputW[0], outputW[1],
      hiddenW[0], hiddenW[1], hiddenB[0],
      hiddenW[2], hiddenW[3], hiddenB[1],
    };

    String[] writtenFormula = {
      "(y - y_hat)", "(y - y_hat) z1", "(y - y_hat) z2",
      "(y - y_hat) w1 f'(a1) x1", "(y - y_hat) w1 f'(a1) x2", "(y - y_hat) w1 f'(a1)",
      "(y - y_hat) w2 f'(a2) x1", "(y - y_hat) w2 f'(a2) x2", "(y - 1) w2 f'(a2)",
    };
    out.printf("%-7s %-26s %11s %11s %11s%n", "dE/d", "seed's formula", "as written",
        "corrected", "engine");
    for (int i = 0; i < NAMES.size(); i++) {
      out.printf("%-7s %-26s %11.6f %11.6f %11.6f%n", NAMES.get(i), writtenFormula[i],
          asWritten[i], corrected[i], engine[i]);
    }
    out.println();
    out.println("Where the seed is wrong:");
    out.println("1. dE/dy_hat. E = 1/2 (y - y_hat)^2, so dE/dy_hat = -(y - y_hat) = y_hat - y."
        + " The seed writes (y - y_hat),");
    out.println("   which flips the sign of every derivative above: its update"
        + " w - alpha dE/dw would climb the error.");
    out.println("2. dE/db2. The seed writes (y - 1) w2 f'(a2); the first factor must be"
        + " dE/dy_hat = y_hat - y,");
    out.println("   as in dE/db1 = (y_hat - y) w1 f'(a1). (y - 1) does not vanish when y_hat = y,"
        + " so b2 would keep moving at a perfect fit.");
    out.println("With both corrections, every formula agrees with the engine's backprop value.");
    return new Result(NAMES, asWritten, corrected, engine);
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /**
   * Each derivative of E three ways, in {@code names} order.
   *
   * @param names the parameters: b, w1, w2, w11, w12, b1, w21, w22, b2
   * @param asWritten the seed's formulas as written
   * @param corrected the formulas with dE/dy_hat = y_hat - y
   * @param engine the engine's backprop gradients
   */
  public record Result(List<String> names, double[] asWritten, double[] corrected,
      double[] engine) {}
}
