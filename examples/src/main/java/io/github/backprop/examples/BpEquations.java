package io.github.backprop.examples;

import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Initializers;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Gradients;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Seed 003's four backpropagation equations, computed with plain loops layer by layer for a
 * network of three sigmoid layers (3 inputs, 4 and 3 hidden units, 2 outputs), printed next to
 * the engine's values for the same network and sample.
 *
 * <p>Seed 003's names: a^l = sigma(z^l), z^l_j = sum_k w^l_jk a^(l-1)_k + b^l_j, a^0 = x,
 * C = 1/2 ||y - a^L||^2 and delta^l_j = dC/dz^l_j. Then
 * <pre>
 * BP1  delta^L_j = dC/da^L_j sigma'(z^L_j) = (a^L_j - y_j) sigma'(z^L_j)
 * BP2  delta^l_j = (sum_k delta^(l+1)_k w^(l+1)_kj) sigma'(z^l_j)
 * BP3  dC/db^l_j = delta^l_j
 * BP4  dC/dw^l_jk = a^(l-1)_k delta^l_j
 * </pre>
 * (The seed writes BP3 with delta^L_j, the output layer's, where delta^l_j is meant, and names
 * the error sigma^l_j in one place; the equations above are the corrected ones.)
 *
 * <p>Run: {@code java -jar backprop-examples.jar bp-equations}
 */
public final class BpEquations {
  private BpEquations() {}

  public static void main(String[] args) {
    Args.parse("bp-equations", args);
    run(System.out);
  }

  /**
   * Prints each layer's equations and the engine's values.
   *
   * @return the largest difference between an equation's value and the engine's, over every
   *     delta and every gradient
   */
  public static double run(PrintStream out) {
    Components components = Backprop.components();
    Activation sigmoid = components.activation("sigmoid");
    Network network = Network.builder(3)
        .dense(4, sigmoid, Initializers.uniform(-1, 1), Initializers.uniform(-1, 1))
        .dense(3, sigmoid, Initializers.uniform(-1, 1), Initializers.uniform(-1, 1))
        .dense(2, sigmoid, Initializers.uniform(-1, 1), Initializers.uniform(-1, 1))
        .seed(3)
        .build();
    double[] x = {0.9, -0.4, 0.3};
    double[] y = {1.0, 0.0};
    int layers = network.layers().size(); // L = 3; layer l of the seed is index l - 1 here
    double[][][] w = new double[layers + 1][][];
    double[][] b = new double[layers + 1][];
    for (int l = 1; l <= layers; l++) {
      w[l] = network.layers().get(l - 1).weights().value().toArray2d();
      b[l] = network.layers().get(l - 1).bias().value().data().clone();
    }

    // Forward pass, from the definitions.
    double[][] z = new double[layers + 1][];
    double[][] a = new double[layers + 1][];
    a[0] = x;
    for (int l = 1; l <= layers; l++) {
      z[l] = new double[b[l].length];
      a[l] = new double[b[l].length];
      for (int j = 0; j < z[l].length; j++) {
        z[l][j] = b[l][j];
        for (int k = 0; k < a[l - 1].length; k++) {
          z[l][j] += w[l][j][k] * a[l - 1][k];
        }
        a[l][j] = sigma(z[l][j]);
      }
    }

    // BP1 for the output layer, then BP2 from layer L - 1 down to 1.
    double[][] delta = new double[layers + 1][];
    delta[layers] = new double[a[layers].length];
    for (int j = 0; j < delta[layers].length; j++) {
      delta[layers][j] = (a[layers][j] - y[j]) * sigmaPrime(z[layers][j]);
    }
    for (int l = layers - 1; l >= 1; l--) {
      delta[l] = new double[a[l].length];
      for (int j = 0; j < delta[l].length; j++) {
        double sum = 0;
        for (int k = 0; k < delta[l + 1].length; k++) {
          sum += delta[l + 1][k] * w[l + 1][k][j];
        }
        delta[l][j] = sum * sigmaPrime(z[l][j]);
      }
    }

    // The engine: one forward and one backward pass on the same sample.
    Pass pass = network.pass(1);
    pass.load(Tensor.of(new double[][] {x}), Tensor.of(new double[][] {y}), null, 0, 1);
    double cost = Gradients.compute(pass, components.loss("squared_error"));

    out.println("BP1  delta^L_j = (a^L_j - y_j) sigma'(z^L_j)          (L = 3, the output layer)");
    out.println("BP2  delta^l_j = (sum_k delta^(l+1)_k w^(l+1)_kj) sigma'(z^l_j)");
    out.println("BP3  dC/db^l_j = delta^l_j");
    out.println("BP4  dC/dw^l_jk = a^(l-1)_k delta^l_j                    (a^0 = x)");
    out.printf("%nx = %s, y = %s, C = 1/2 ||y - a^3||^2 = %.9f%n", Arrays.toString(x),
        Arrays.toString(y), cost);
    double worst = 0;
    for (int l = layers; l >= 1; l--) {
      double[] engineDelta = pass.delta(l - 1).data();
      double[] engineDb = network.layers().get(l - 1).bias().grad().data();
      double[][] engineDw = network.layers().get(l - 1).weights().grad().toArray2d();
      out.printf("%nlayer %d (%d units)%n", l, delta[l].length);
      out.printf("  %s  delta^%d = %s%n", l == layers ? "BP1" : "BP2", l, format(delta[l]));
      out.printf("       engine    %s%n", format(engineDelta));
      out.printf("  BP3  dC/db^%d = %s%n", l, format(delta[l]));
      out.printf("       engine    %s%n", format(engineDb));
      for (int j = 0; j < delta[l].length; j++) {
        double[] bp4 = new double[a[l - 1].length];
        for (int k = 0; k < bp4.length; k++) {
          bp4[k] = a[l - 1][k] * delta[l][j];
          worst = Math.max(worst, Math.abs(bp4[k] - engineDw[j][k]));
        }
        out.printf("  BP4  dC/dw^%d_%dk = %s   engine %s%n", l, j + 1, format(bp4),
            format(engineDw[j]));
        worst = Math.max(worst, Math.abs(delta[l][j] - engineDelta[j]));
        worst = Math.max(worst, Math.abs(delta[l][j] - engineDb[j]));
      }
    }
    out.printf("%nLargest difference between the equations and the engine: %.3g%n", worst);
    return worst;
  }

  private static double sigma(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double sigmaPrime(double z) {
    return sigma(z) * (1 - sigma(z));
  }

  private static String format(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format("%10.7f", values[i]));
    }
    return sb.append(']').toString();
  }
}
