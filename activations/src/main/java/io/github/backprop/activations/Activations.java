package io.github.backprop.activations;

import io.github.backprop.nn.Activation;

/**
 * The stock activations, for code that does not look them up by name. Each method documents
 * its registered name, formula and defaults; the same instances come from the registry by name
 * (with {@link ActivationsModule} installed), where the parameters are given as a map such as
 * {@code {"alpha": 0.1}}.
 *
 * <pre>{@code
 * Network net = Network.builder(2)
 *     .dense(16, Activations.leakyRelu(0.1))
 *     .dense(1, Activations.sigmoid())
 *     .build();
 * }</pre>
 */
public final class Activations {
  private Activations() {}

  /** {@code identity}: z; derivative 1. */
  public static Activation identity() {
    return new Identity();
  }

  /** {@code step}: 1 for z &gt; 0, else 0; derivative 0 everywhere, so it cannot be trained. */
  public static Activation step() {
    return new Step();
  }

  /** {@code sigmoid}: 1 / (1 + e^-z); derivative a (1 - a). */
  public static Activation sigmoid() {
    return new Sigmoid();
  }

  /** {@code tanh}: tanh z; derivative 1 - a^2. */
  public static Activation tanh() {
    return new Tanh();
  }

  /** {@code relu}: max(0, z); derivative 1 for z &gt; 0, else 0. */
  public static Activation relu() {
    return new Relu();
  }

  /** {@code leaky_relu} with alpha 0.01. */
  public static Activation leakyRelu() {
    return new LeakyRelu(LeakyRelu.DEFAULT_ALPHA);
  }

  /**
   * {@code leaky_relu}: z for z &gt; 0, else alpha z; derivative 1 or alpha.
   *
   * @throws IllegalArgumentException if alpha is not finite
   */
  public static Activation leakyRelu(double alpha) {
    return new LeakyRelu(alpha);
  }

  /** {@code elu} with alpha 1. */
  public static Activation elu() {
    return new Elu(Elu.DEFAULT_ALPHA);
  }

  /**
   * {@code elu}: z for z &gt; 0, else alpha (e^z - 1); derivative 1 or a + alpha.
   *
   * @throws IllegalArgumentException if alpha is not positive and finite
   */
  public static Activation elu(double alpha) {
    return new Elu(alpha);
  }

  /** {@code selu}: elu scaled, with torch's constants alpha ~ 1.6733 and scale ~ 1.0507. */
  public static Activation selu() {
    return new Selu();
  }

  /** {@code celu} with alpha 1. */
  public static Activation celu() {
    return new Celu(Celu.DEFAULT_ALPHA);
  }

  /**
   * {@code celu}: z for z &gt; 0, else alpha (e^(z / alpha) - 1); derivative 1 or a / alpha + 1.
   *
   * @throws IllegalArgumentException if alpha is not positive and finite
   */
  public static Activation celu(double alpha) {
    return new Celu(alpha);
  }

  /** {@code gelu}, exact: z Phi(z) with the normal distribution function Phi. */
  public static Activation gelu() {
    return new Gelu(Gelu.DEFAULT_APPROXIMATE);
  }

  /**
   * {@code gelu}, exact ({@code "none"}) or with torch's tanh approximation ({@code "tanh"}).
   *
   * @throws IllegalArgumentException if approximate is neither
   */
  public static Activation gelu(String approximate) {
    return new Gelu(approximate);
  }

  /** {@code softplus} with beta 1 and threshold 20. */
  public static Activation softplus() {
    return new Softplus(Softplus.DEFAULT_BETA, Softplus.DEFAULT_THRESHOLD);
  }

  /**
   * {@code softplus}: log(1 + e^(beta z)) / beta, linear where beta z &gt; threshold; derivative
   * sigmoid(beta z).
   *
   * @throws IllegalArgumentException if beta or threshold is not positive and finite
   */
  public static Activation softplus(double beta, double threshold) {
    return new Softplus(beta, threshold);
  }

  /** {@code silu} (swish): z sigmoid(z); derivative s + a (1 - s). */
  public static Activation silu() {
    return new Silu();
  }

  /** {@code mish}: z tanh(softplus(z)). */
  public static Activation mish() {
    return new Mish();
  }

  /** {@code softsign}: z / (1 + |z|); derivative 1 / (1 + |z|)^2. */
  public static Activation softsign() {
    return new Softsign();
  }

  /** {@code hard_tanh} clipping to [-1, 1]. */
  public static Activation hardTanh() {
    return new HardTanh(HardTanh.DEFAULT_MIN_VALUE, HardTanh.DEFAULT_MAX_VALUE);
  }

  /**
   * {@code hard_tanh}: z clipped to [minValue, maxValue]; derivative 1 strictly inside, else 0.
   *
   * @throws IllegalArgumentException if minValue &ge; maxValue or either is not finite
   */
  public static Activation hardTanh(double minValue, double maxValue) {
    return new HardTanh(minValue, maxValue);
  }

  /** {@code hard_sigmoid}: relu6(z + 3) / 6; derivative 1/6 strictly inside (-3, 3), else 0. */
  public static Activation hardSigmoid() {
    return new HardSigmoid();
  }

  /** {@code hard_swish}: z relu6(z + 3) / 6. */
  public static Activation hardSwish() {
    return new HardSwish();
  }

  /** {@code softmax} over each row. */
  public static Activation softmax() {
    return new Softmax();
  }

  /** {@code log_softmax} over each row. */
  public static Activation logSoftmax() {
    return new LogSoftmax();
  }
}
