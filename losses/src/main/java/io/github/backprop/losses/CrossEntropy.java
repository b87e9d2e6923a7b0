package io.github.backprop.losses;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.util.Map;

/**
 * {@code cross_entropy}: per sample -sum_j t_j ln a_j, averaged over the batch, for outputs that
 * are probabilities over C classes (a softmax output layer). Each target row is one-hot or a
 * distribution summing to 1 ({@link ClassLabels#oneHot} turns class indices into one-hot rows).
 * This is torch's CrossEntropyLoss, which takes the logits z, applied to a = softmax(z).
 *
 * <p>Label smoothing, as torch: t = (1 - labelSmoothing) y + labelSmoothing / C, spread over all
 * C classes. With the default 0, t = y.
 *
 * <p>With a softmax output layer the engine computes the value from the logits by log-sum-exp,
 * as torch does, exact at any logit size. Read from probabilities alone ({@link #value(Tensor,
 * Tensor)}), each logarithm is clamped at -100 (as torch's BCELoss does), so a class probability
 * that rounded to exactly 0 gives a large finite loss rather than infinity.
 *
 * <p>Gradient of the batch mean, in the outputs: -t_j / max(a_j, 1e-12) / batch (torch's floor
 * on the denominator keeps it finite at a_j = 0).
 *
 * <p>Fused gradient: when the output activation is named {@code "softmax"}, the gradient at the
 * logits z is written directly, delta_j = (a_j - t_j) / batch (for target rows summing to 1). It
 * is exact, needs no division by a_j and is finite for any z.
 *
 * <p>The outputs are always read as probabilities, and an output outside [0, 1] is rejected.
 * A {@code log_softmax} output layer gives log-probabilities, which are negative, so pairing it
 * with this loss fails on the first batch with a message asking for softmax: softmax +
 * cross_entropy is already the stable pairing here, because its fused gradient never forms ln a.
 *
 * <p>Parameter {@code labelSmoothing} (default {@value #DEFAULT_LABEL_SMOOTHING}), in [0, 1].
 */
final class CrossEntropy implements Loss {
  static final String NAME = "cross_entropy";
  static final String LABEL_SMOOTHING = "labelSmoothing";
  static final double DEFAULT_LABEL_SMOOTHING = 0.0;
  private static final String EXPECTED =
      "softmax (log_softmax gives log-probabilities, which " + NAME + " does not read)";

  private final double labelSmoothing;

  /** @throws IllegalArgumentException if labelSmoothing is outside [0, 1] */
  CrossEntropy(double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(
          NAME + ": parameter " + LABEL_SMOOTHING + " must be in [0, 1], got " + labelSmoothing);
    }
    this.labelSmoothing = labelSmoothing;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public double value(Tensor output, Tensor target) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.probabilities(NAME, output, EXPECTED);
    double[] a = output.data();
    double[] y = target.data();
    double keep = 1 - labelSmoothing;
    double spread = labelSmoothing / output.cols();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum -= (keep * y[i] + spread) * Probabilities.clampedLog(a[i]);
    }
    return sum / output.rows();
  }

  /**
   * With a softmax output layer, the value from the logits by log-sum-exp, -sum_j t_j (z_j -
   * logsumexp(z)), exactly as torch's CrossEntropyLoss computes it: no clamping, exact where a
   * class probability underflows to 0. Otherwise {@link #value(Tensor, Tensor)}.
   */
  @Override
  public double value(Activation outputActivation, Tensor z, Tensor output, Tensor target) {
    if (!"softmax".equals(outputActivation.name())) {
      return value(output, target);
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    return Probabilities.crossEntropyOfLogits(z.data(), target.data(), output.cols(),
        labelSmoothing) / output.rows();
  }

  /** @throws IllegalArgumentException if an output is outside [0, 1] */
  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "gradient buffer", output, grad);
    Checks.probabilities(NAME, output, EXPECTED);
    double[] a = output.data();
    double[] y = target.data();
    double[] g = grad.data();
    double keep = 1 - labelSmoothing;
    double spread = labelSmoothing / output.cols();
    double scale = 1.0 / output.rows();
    for (int i = 0; i < a.length; i++) {
      g[i] = -(keep * y[i] + spread) / Math.max(a[i], Probabilities.EPSILON) * scale;
    }
  }

  /** Writes (a - t) / batch when the output activation is softmax. */
  @Override
  public boolean gradientAtWeightedInput(Activation outputActivation, Tensor z, Tensor output,
      Tensor target, Tensor delta) {
    if (!"softmax".equals(outputActivation.name())) {
      return false;
    }
    Checks.sameShape(NAME, "target", output, target);
    Checks.sameShape(NAME, "weighted input", output, z);
    Checks.sameShape(NAME, "delta buffer", output, delta);
    Probabilities.softmaxDelta(output.data(), target.data(), output.cols(), labelSmoothing,
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
  public Map<String, Object> parameters() {
    return Map.of(LABEL_SMOOTHING, labelSmoothing);
  }

  @Override
  public String toString() {
    return NAME + "[" + LABEL_SMOOTHING + "=" + labelSmoothing + "]";
  }
}
