package io.github.backprop.gradcheck;

import io.github.backprop.nn.Dense;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import java.util.List;

/**
 * Compares every parameter's backprop gradient with a central finite difference of the mean
 * loss, the check that catches a wrong derivative anywhere in the chain.
 *
 * <pre>{@code
 * GradientCheckResult r = GradientCheck.run(network, loss, x, y);
 * if (!r.passed(1e-7)) System.out.println(r);   // names the parameter, element and activation
 * }</pre>
 *
 * <p>For each element w: numeric = (L(w + h) - L(w - h)) / 2h with h = {@value #STEP}; the error
 * is |backprop - numeric| / max(1, |backprop|, |numeric|), relative for large gradients and
 * absolute for small ones, so gradients near zero do not make rounding noise look like failure.
 *
 * <p>A wrong derivative in layer l corrupts the gradients of layer l and of every layer before it
 * (BP2 carries it back), never those after it; so the last layer that disagrees is the suspect,
 * and the result names it with its activation.
 *
 * <p>Costs two forward passes per parameter element: meant for small networks and batches. The
 * parameters are restored exactly afterwards.
 */
public final class GradientCheck {
  /** The finite-difference step. */
  public static final double STEP = 1e-5;
  /** The error above which a layer counts as disagreeing, when naming the suspect. */
  public static final double SUSPECT_THRESHOLD = 1e-6;

  private GradientCheck() {}

  /**
   * @param x inputs, shape [rows, inputs]
   * @param y targets, shape [rows, outputs]
   * @return the worst element, where it is, both values there, and the suspect layer if any
   * @throws IllegalArgumentException if the data does not fit the network or the loss
   */
  public static GradientCheckResult run(Network network, Loss loss, Tensor x, Tensor y) {
    Gradients.compute(network, loss, x, y);
    List<Dense> layers = network.layers();
    List<Tensor> analytic = layers.stream()
        .flatMap(l -> l.parameters().stream())
        .map(p -> p.grad().copy())
        .toList();
    Worst worst = new Worst();
    String suspect = null;
    int checked = 0;
    int index = 0;
    for (Dense layer : layers) {
      double layerWorst = 0;
      for (Parameter p : layer.parameters()) {
        Tensor backprop = analytic.get(index++);
        double[] w = p.value().data();
        for (int i = 0; i < w.length; i++) {
          double saved = w[i];
          w[i] = saved + STEP;
          double plus = Gradients.meanLoss(network, loss, x, y);
          w[i] = saved - STEP;
          double minus = Gradients.meanLoss(network, loss, x, y);
          w[i] = saved;
          double numeric = (plus - minus) / (2 * STEP);
          double error = errorOf(backprop.get(i), numeric);
          layerWorst = Math.max(layerWorst, error);
          worst.offer(error, p, i, layer, backprop.get(i), numeric);
          checked++;
        }
      }
      if (layerWorst > SUSPECT_THRESHOLD) {
        suspect = layer.name();
      }
    }
    String suspectActivation = null;
    for (Dense layer : layers) {
      if (layer.name().equals(suspect)) {
        suspectActivation = layer.activation().name();
      }
    }
    return new GradientCheckResult(worst.error, worst.parameter, worst.element, worst.backprop,
        worst.numeric, checked, suspect, suspectActivation);
  }

  private static double errorOf(double backprop, double numeric) {
    double error = Math.abs(backprop - numeric)
        / Math.max(1.0, Math.max(Math.abs(backprop), Math.abs(numeric)));
    return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
  }

  /** The running worst element. */
  private static final class Worst {
    double error = -1;
    String parameter;
    String element;
    double backprop;
    double numeric;

    void offer(double e, Parameter p, int i, Dense layer, double b, double n) {
      if (e > error) {
        error = e;
        parameter = p.name();
        Tensor t = p.value();
        element = t.shape().rank() == 1
            ? "[" + i + "]"
            : "[" + i / t.cols() + "][" + i % t.cols() + "]";
        backprop = b;
        numeric = n;
      }
    }
  }
}
