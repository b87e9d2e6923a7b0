package io.github.backprop.losses;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;

/**
 * {@code binary_cross_entropy}: torch's BCELoss. Per sample
 * -mean_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)], averaged over the batch, for outputs that are
 * probabilities (a sigmoid output layer) and targets in [0, 1] (usually 0 or 1, one independent
 * yes/no per output).
 *
 * <p>As in torch, each logarithm is clamped at -100 (ln 0 counts as -100), so a probability of
 * exactly 0 or 1 gives a large finite loss rather than infinity, and ln(1 - a) is computed as
 * log1p(-a).
 *
 * <p>Gradient of the batch mean, in the outputs: (a_j - y_j) / max(a_j (1 - a_j), 1e-12) /
 * (batch * outputs), with torch's floor on the denominator so it stays finite at 0 and 1.
 *
 * <p>Fused with a sigmoid output layer (the activation named {@code "sigmoid"}), it is torch's
 * BCEWithLogitsLoss, computed from the logits z: the value max(z, 0) - z y + ln(1 + e^-|z|) per
 * output, and the gradient at z, delta_j = (a_j - y_j) / (batch * outputs). Both are exact and
 * finite for any z, even where the sigmoid has rounded to exactly 0 or 1 (the a (1 - a) of its
 * derivative cancels the denominator), so the loss reported is the one whose gradient is used.
 * No parameters.
 */
final class BinaryCrossEntropy implements Loss {
  static final String NAME = "binary_cross_entropy";

  @Override
  public String name() {
    return NAME;
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public double value(Tensor output, Tensor target) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.probabilities(NAME, output, "sigmoid");
    double[] a = output.data();
    double[] y = target.data();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (y[i] - 1) * Math.max(Math.log1p(-a[i]), Probabilities.LOG_FLOOR)
          - y[i] * Probabilities.clampedLog(a[i]);
    }
    return sum / ((double) output.rows() * output.cols());
  }

  /** From the logits when the output activation is sigmoid (see the class comment). */
  @Override
  public double value(Activation outputActivation, Tensor z, Tensor output, Tensor target) {
    if (!"sigmoid".equals(outputActivation.name())) {
      return value(output, target);
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    double[] x = z.data();
    double[] y = target.data();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.max(x[i], 0) - x[i] * y[i] + Math.log1p(Math.exp(-Math.abs(x[i])));
    }
    return sum / ((double) output.rows() * output.cols());
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "gradient buffer", output, grad);
    Checks.probabilities(NAME, output, "sigmoid");
    double[] a = output.data();
    double[] y = target.data();
    double[] g = grad.data();
    double scale = 1.0 / ((double) output.rows() * output.cols());
    for (int i = 0; i < a.length; i++) {
      g[i] = (a[i] - y[i]) / Math.max(a[i] * (1 - a[i]), Probabilities.EPSILON) * scale;
    }
  }

  /** Writes (a - y) / (batch * outputs) when the output activation is sigmoid. */
  @Override
  public boolean gradientAtWeightedInput(Activation outputActivation, Tensor z, Tensor output,
      Tensor target, Tensor delta) {
    if (!"sigmoid".equals(outputActivation.name())) {
      return false;
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    Checks.sameShape(NAME, "delta buffer", output, delta);
    double[] a = output.data();
    double[] y = target.data();
    double[] d = delta.data();
    double scale = 1.0 / ((double) output.rows() * output.cols());
    for (int i = 0; i < a.length; i++) {
      d[i] = (a[i] - y[i]) * scale;
    }
    return true;
  }

  /** @throws IllegalArgumentException naming the first target outside [0, 1] */
  @Override
  public void checkTargets(String where, Tensor targets) {
    Checks.unitInterval(NAME, where, targets);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
