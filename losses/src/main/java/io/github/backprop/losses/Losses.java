package io.github.backprop.losses;

import io.github.backprop.train.Loss;

/**
 * The stock losses, for code that does not look them up by name. Each factory returns what the
 * registry returns for the same name and parameters; the formulas are in each method's
 * description.
 *
 * <pre>{@code
 * Loss loss = Losses.crossEntropy(0.1);   // softmax outputs, label smoothing 0.1
 * }</pre>
 */
public final class Losses {
  private Losses() {}

  /** {@code squared_error}: 1/2 sum_j (y_j - a_j)^2 per sample; any output. */
  public static Loss squaredError() {
    return new SquaredError();
  }

  /** {@code mse}: mean_j (y_j - a_j)^2 per sample (torch's MSELoss); any output. */
  public static Loss mse() {
    return new MeanSquaredError();
  }

  /** {@code mae}: mean_j |y_j - a_j| per sample (torch's L1Loss); any output. */
  public static Loss mae() {
    return new MeanAbsoluteError();
  }

  /** {@code huber} with delta = 1 (torch's HuberLoss); any output. */
  public static Loss huber() {
    return new Huber(Huber.DEFAULT_DELTA);
  }

  /**
   * {@code huber}: quadratic for |y - a| &lt;= delta, linear beyond (torch's HuberLoss).
   *
   * @throws IllegalArgumentException if delta is not positive and finite
   */
  public static Loss huber(double delta) {
    return new Huber(delta);
  }

  /** {@code smooth_l1} with beta = 1 (torch's SmoothL1Loss); any output. */
  public static Loss smoothL1() {
    return new SmoothL1(SmoothL1.DEFAULT_BETA);
  }

  /**
   * {@code smooth_l1}: (y - a)^2 / (2 beta) for |y - a| &lt; beta, |y - a| - beta / 2 beyond
   * (torch's SmoothL1Loss).
   *
   * @throws IllegalArgumentException if beta is negative or not finite
   */
  public static Loss smoothL1(double beta) {
    return new SmoothL1(beta);
  }

  /** {@code log_cosh}: mean_j ln cosh(y_j - a_j) per sample, finite for any residual. */
  public static Loss logCosh() {
    return new LogCosh();
  }

  /**
   * {@code binary_cross_entropy} (torch's BCELoss) for a sigmoid output layer; its gradient at
   * the logits is fused with the sigmoid.
   */
  public static Loss binaryCrossEntropy() {
    return new BinaryCrossEntropy();
  }

  /**
   * {@code cross_entropy} without label smoothing, for a softmax output layer; its gradient at the
   * logits is fused with the softmax.
   */
  public static Loss crossEntropy() {
    return new CrossEntropy(CrossEntropy.DEFAULT_LABEL_SMOOTHING);
  }

  /**
   * {@code cross_entropy} with label smoothing as torch's, for a softmax output layer.
   *
   * @throws IllegalArgumentException if labelSmoothing is outside [0, 1]
   */
  public static Loss crossEntropy(double labelSmoothing) {
    return new CrossEntropy(labelSmoothing);
  }

  /**
   * {@code kl_divergence}: sum_j y_j (ln y_j - ln a_j) per sample (torch's KLDivLoss on ln a,
   * 'batchmean'), for a softmax output layer.
   */
  public static Loss klDivergence() {
    return new KlDivergence();
  }

  /** {@code hinge}: mean_j max(0, 1 - y_j a_j) per sample, targets -1 or +1. */
  public static Loss hinge() {
    return new Hinge();
  }

  /** {@code squared_hinge}: mean_j max(0, 1 - y_j a_j)^2 per sample, targets -1 or +1. */
  public static Loss squaredHinge() {
    return new SquaredHinge();
  }

  /**
   * {@code poisson_nll}: mean_j [exp(a_j) - y_j a_j] per sample, outputs are log-rates (torch's
   * PoissonNLLLoss, log_input=True, full=False).
   */
  public static Loss poissonNll() {
    return new PoissonNll();
  }
}
