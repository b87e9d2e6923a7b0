package io.github.backprop.losses;

import io.github.backprop.train.Loss;

/**
 * The stock losses, for code that does not look them up by name. Each factory returns what the
 * registry returns for the same name and parameters.
 *
 * <pre>{@code
 * Loss loss = Losses.crossEntropy(0.1);   // softmax outputs, label smoothing 0.1
 * }</pre>
 *
 * <p>Every loss is a per-sample value averaged over the batch ({@code value}), with the gradient
 * of that mean ({@code gradient}, so it carries 1/batch). With a = output, y = target,
 * d = a - y, B = batch size and C = outputs per sample:
 *
 * <table>
 * <caption>Stock losses</caption>
 * <tr><th>name</th><th>per sample</th><th>d(mean)/da_j</th><th>parameters</th>
 *     <th>output layer</th></tr>
 * <tr><td>squared_error</td><td>1/2 sum_j d_j^2</td><td>d_j / B</td><td></td><td>any</td></tr>
 * <tr><td>mse</td><td>mean_j d_j^2</td><td>2 d_j / (B C)</td><td></td><td>any</td></tr>
 * <tr><td>mae</td><td>mean_j |d_j|</td><td>sign(d_j) / (B C)</td><td></td><td>any</td></tr>
 * <tr><td>huber</td><td>mean_j [d^2/2 if |d| &lt;= delta, else delta (|d| - delta/2)]</td>
 *     <td>clamp(d_j, -delta, delta) / (B C)</td><td>delta = 1, &gt; 0</td><td>any</td></tr>
 * <tr><td>smooth_l1</td><td>mean_j [d^2/(2 beta) if |d| &lt; beta, else |d| - beta/2]</td>
 *     <td>(d_j / beta or sign(d_j)) / (B C)</td><td>beta = 1, &gt;= 0</td><td>any</td></tr>
 * <tr><td>log_cosh</td><td>mean_j ln cosh(d_j)</td><td>tanh(d_j) / (B C)</td><td></td>
 *     <td>any</td></tr>
 * <tr><td>binary_cross_entropy</td><td>-mean_j [y ln a + (1 - y) ln(1 - a)], logs &gt;= -100
 *     </td><td>d_j / max(a_j (1 - a_j), 1e-12) / (B C); fused at z: d_j / (B C)</td><td></td>
 *     <td>sigmoid; targets in [0, 1]</td></tr>
 * <tr><td>cross_entropy</td><td>-sum_j t_j ln a_j, logs &gt;= -100,
 *     t = (1 - labelSmoothing) y + labelSmoothing / C</td>
 *     <td>-t_j / max(a_j, 1e-12) / B; fused at z: (a_j - t_j) / B</td>
 *     <td>labelSmoothing = 0, in [0, 1]</td><td>softmax; target rows sum to 1</td></tr>
 * <tr><td>kl_divergence</td><td>sum_j y_j (ln y_j - ln a_j), 0 ln 0 = 0</td>
 *     <td>-y_j / max(a_j, 1e-12) / B; fused at z: (a_j - y_j) / B</td><td></td>
 *     <td>softmax; target rows sum to 1</td></tr>
 * <tr><td>hinge</td><td>mean_j max(0, 1 - y_j a_j)</td>
 *     <td>-y_j / (B C) inside the margin, else 0</td><td></td>
 *     <td>identity or tanh; targets -1 or +1</td></tr>
 * <tr><td>squared_hinge</td><td>mean_j max(0, 1 - y_j a_j)^2</td>
 *     <td>-2 y_j max(0, 1 - y_j a_j) / (B C)</td><td></td>
 *     <td>identity or tanh; targets -1 or +1</td></tr>
 * <tr><td>poisson_nll</td><td>mean_j [exp(a_j) - y_j a_j]</td><td>(exp(a_j) - y_j) / (B C)</td>
 *     <td></td><td>identity (a is a log-rate)</td></tr>
 * </table>
 *
 * <p>Where torch has the loss the definition is torch's with reduction 'mean' (kl_divergence:
 * 'batchmean' on ln a; poisson_nll: log_input=True, full=False). "Fused at z" is the gradient in
 * the output layer's weighted input, which the engine uses by itself when the output activation
 * has that name ({@code sigmoid} or {@code softmax}): exact and finite at any logits. The
 * probability losses read their outputs as probabilities and reject values outside [0, 1]; a
 * {@code log_softmax} output layer is therefore rejected by cross_entropy with a message asking
 * for softmax. Targets are checked once per data set ({@code checkTargets}): the first bad row is
 * named. {@link ClassLabels#oneHot} turns class indices into one-hot rows.
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
   * @param delta where the quadratic part ends
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
   * @param beta the width of the quadratic part; 0 gives mae
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
   * @param labelSmoothing the share of each target row spread evenly over all classes
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
