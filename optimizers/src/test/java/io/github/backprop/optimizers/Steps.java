package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Optimizer;
import java.util.List;

/**
 * Runs an optimizer and a reference written in the test over the same steps and compares the
 * weights after every step.
 *
 * <p>Two parameters, a [2, 2] matrix and a [2] vector, named as a network names them. The
 * gradient at step t is SCALE[t] * c_i + 0.5 w: it depends on the current weights (like a real
 * loss), changes sign, and is large at first and small later, so the max in amsgrad and adamax
 * and the first-step special cases all matter.
 */
final class Steps {
  static final double[][] START = {{0.5, -1.0, 2.0, 0.25}, {0.1, -0.3}};
  private static final double[] SCALE = {3.0, -0.5, 0.2, 1.5, -0.1, 0.05};
  static final int STEPS = SCALE.length;

  private Steps() {}

  /** One step of the reference: updates w in place from g; t counts from 1. */
  interface Reference {
    void step(double[][] w, double[][] g, int t);
  }

  static double gradient(int p, int i, double w, int t) {
    return SCALE[t - 1] * (0.3 + 0.2 * i - 0.5 * p) + 0.5 * w;
  }

  static List<Parameter> parameters() {
    return List.of(new Parameter("layers[0].weights", Tensor.wrap(START[0].clone(), 2, 2)),
        new Parameter("layers[0].bias", Tensor.vector(START[1])));
  }

  static double[][] start() {
    return new double[][] {START[0].clone(), START[1].clone()};
  }

  /** Zeros shaped like the parameters, for reference state. */
  static double[][] zeros() {
    return new double[][] {new double[START[0].length], new double[START[1].length]};
  }

  static void writeGradients(List<Parameter> parameters, int t) {
    for (int p = 0; p < parameters.size(); p++) {
      double[] w = parameters.get(p).value().data();
      double[] g = parameters.get(p).grad().data();
      for (int i = 0; i < w.length; i++) {
        g[i] = gradient(p, i, w[i], t);
      }
    }
  }

  /** Asserts the optimizer follows the reference to 1e-12 (relative) after each of STEPS steps. */
  static void assertFollows(Optimizer optimizer, Reference reference) {
    List<Parameter> parameters = parameters();
    double[][] w = start();
    for (int t = 1; t <= STEPS; t++) {
      double[][] g = zeros();
      for (int p = 0; p < w.length; p++) {
        for (int i = 0; i < w[p].length; i++) {
          g[p][i] = gradient(p, i, w[p][i], t);
        }
      }
      writeGradients(parameters, t);
      optimizer.step(parameters);
      reference.step(w, g, t);
      for (int p = 0; p < w.length; p++) {
        double[] actual = parameters.get(p).value().data();
        for (int i = 0; i < w[p].length; i++) {
          assertEquals(w[p][i], actual[i], 1e-12 * Math.max(1, Math.abs(w[p][i])),
              optimizer + " step " + t + ", parameter " + p + ", element " + i);
        }
      }
    }
  }

  /** The weights after the first step, for closed-form first-step checks. */
  static double[][] afterOneStep(Optimizer optimizer) {
    List<Parameter> parameters = parameters();
    writeGradients(parameters, 1);
    optimizer.step(parameters);
    return new double[][] {parameters.get(0).value().data(), parameters.get(1).value().data()};
  }
}
