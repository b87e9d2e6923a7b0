package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Map;

/**
 * {@code gelu}: f(z) = z Phi(z), Phi the standard normal distribution function, Phi(z) =
 * erfc(-z / sqrt 2) / 2; f'(z) = Phi(z) + z phi(z), phi the normal density. Parameter
 * {@code approximate}, "none" (default) or "tanh", as torch: "tanh" uses Phi(z) ~ (1 +
 * tanh(sqrt(2 / pi) (z + 0.044715 z^3))) / 2 (Hendrycks and Gimpel, 2016).
 *
 * <p>Both forms reuse the output in the derivative: Phi(z) = a / z (1/2 near z = 0), so the
 * backward pass needs one exponential and no error function. The tanh form is evaluated as
 * z sigmoid(2u), u = sqrt(2 / pi) (z + 0.044715 z^3), which is the same function without the
 * cancellation of 1 + tanh u for negative z. Weights default to {@code he_uniform}.
 */
final class Gelu extends ElementwiseActivation {
  static final String NAME = "gelu";
  static final String NONE = "none";
  static final String TANH = "tanh";
  static final String DEFAULT_APPROXIMATE = NONE;

  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  private static final double BETA = Math.sqrt(2.0 / Math.PI);
  private static final double KAPPA = 0.044715;
  /** Below this |z|, Phi(z) is 1/2 to double precision and a / z may lose bits to underflow. */
  private static final double NEAR_ZERO = 1e-200;

  private final boolean tanh;

  Gelu(String approximate) {
    if (!NONE.equals(approximate) && !TANH.equals(approximate)) {
      throw new IllegalArgumentException(
          NAME + ": approximate must be \"none\" or \"tanh\", got "
              + (approximate == null ? "null" : "\"" + approximate + "\""));
    }
    this.tanh = TANH.equals(approximate);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    if (tanh) {
      for (int i = from; i < to; i++) {
        double x = z[i];
        double u = BETA * (x + KAPPA * x * x * x);
        a[i] = x / (1.0 + Math.exp(-2.0 * u));
      }
    } else {
      for (int i = from; i < to; i++) {
        a[i] = 0.5 * z[i] * Erfc.erfc(-z[i] * SQRT_HALF);
      }
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    if (tanh) {
      for (int i = from; i < to; i++) {
        double x = z[i];
        double s = Math.abs(x) < NEAR_ZERO ? 0.5 : a[i] / x;  // sigmoid(2u)
        double du = BETA * (1.0 + 3.0 * KAPPA * x * x);
        dz[i] = upstream[i] * (s + 2.0 * a[i] * (1.0 - s) * du);
      }
    } else {
      for (int i = from; i < to; i++) {
        double x = z[i];
        double phiCdf = Math.abs(x) < NEAR_ZERO ? 0.5 : a[i] / x;
        dz[i] = upstream[i] * (phiCdf + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
      }
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of("approximate", tanh ? TANH : NONE);
  }

  @Override
  public String toString() {
    return NAME + "[approximate=" + (tanh ? TANH : NONE) + "]";
  }
}
