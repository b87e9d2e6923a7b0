package io.github.backprop.losses;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;

/**
 * {@code kl_divergence}: per sample KL(y || a) = sum_j y_j (ln y_j - ln a_j), with 0 ln 0 = 0,
 * averaged over the batch; torch's KLDivLoss applied to ln a with reduction 'batchmean'. For
 * outputs that are probabilities (a softmax output layer) and target rows that are
 * distributions. It differs from {@code cross_entropy} by the targets' entropy, a constant, so
 * the two have the same gradient.
 *
 * <p>With a softmax output layer the engine computes the value from the logits by log-sum-exp,
 * exact at any logit size. Read from probabilities alone, ln a_j is clamped at -100, as for the
 * other probability losses, so an output of exactly 0 gives a large finite loss.
 *
 * <p>Gradient of the batch mean, in the outputs: -y_j / max(a_j, 1e-12) / batch.
 *
 * <p>Fused gradient: when the output activation is named {@code "softmax"}, the gradient at the
 * logits is written directly, delta_j = (a_j - y_j) / batch, exact and finite for any z. No
 * parameters.
 */
final class KlDivergence implements Loss {
  static final String NAME = "kl_divergence";

  @Override
  public String name() {
    return NAME;
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public double value(Tensor output, Tensor target) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.probabilities(NAME, output, "softmax");
    double[] a = output.data();
    double[] y = target.data();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (y[i] != 0) {
        sum += y[i] * (Math.log(y[i]) - Probabilities.clampedLog(a[i]));
      }
    }
    return sum / output.rows();
  }

  /**
   * With a softmax output layer, the value from the logits by log-sum-exp, sum_j y_j (ln y_j -
   * (z_j - logsumexp(z))): no clamping, exact where a probability underflows to 0. Otherwise
   * {@link #value(Tensor, Tensor)}.
   */
  @Override
  public double value(Activation outputActivation, Tensor z, Tensor output, Tensor target) {
    if (!"softmax".equals(outputActivation.name())) {
      return value(output, target);
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    double[] y = target.data();
    double entropyTerm = 0; // sum y ln y, with 0 ln 0 = 0
    for (double v : y) {
      if (v != 0) {
        entropyTerm += v * Math.log(v);
      }
    }
    return (entropyTerm + Probabilities.crossEntropyOfLogits(z.data(), y, output.cols(), 0))
        / output.rows();
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "gradient buffer", output, grad);
    Checks.probabilities(NAME, output, "softmax");
    double[] a = output.data();
    double[] y = target.data();
    double[] g = grad.data();
    double scale = 1.0 / output.rows();
    for (int i = 0; i < a.length; i++) {
      g[i] = -y[i] / Math.max(a[i], Probabilities.EPSILON) * scale;
    }
  }

  /** Writes (a - y) / batch when the output activation is softmax. */
  @Override
  public boolean gradientAtWeightedInput(Activation outputActivation, Tensor z, Tensor output,
      Tensor target, Tensor delta) {
    if (!"softmax".equals(outputActivation.name())) {
      return false;
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    Checks.sameShape(NAME, "delta buffer", output, delta);
    Probabilities.softmaxDelta(output.data(), target.data(), output.cols(), 0,
        1.0 / output.rows(), delta.data());
    return true;
  }

  /**
   * @throws IllegalArgumentException naming the first row with a negative value or a sum more
   *     than 1e-6 away from 1
   */
  @Override
  public void checkTargets(String where, Tensor targets) {
    Checks.distributions(NAME, where, targets);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
