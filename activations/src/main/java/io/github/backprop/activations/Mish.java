package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code mish}: f(z) = z tanh(softplus(z)); f'(z) = t + z sigmoid(z) (1 - t^2) with t =
 * tanh(softplus(z)). No parameters. Weights default to {@code he_uniform}.
 *
 * <p>With e = e^z and n = e (e + 2), t = n / (n + 2), 1 - t^2 = 4 (n + 1) / (n + 2)^2 and
 * sigmoid(z) = e / (1 + e): one exponential per element each way instead of torch's three
 * transcendental calls, and no cancellation for negative z. Above z = 40, t is 1 to double
 * precision, so f(z) = z and f'(z) = 1 there, and e^(2z) never overflows.
 */
final class Mish extends ElementwiseActivation {
  static final String NAME = "mish";
  private static final double LINEAR_ABOVE = 40.0;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      if (x > LINEAR_ABOVE) {
        a[i] = x;
      } else {
        double e = Math.exp(x);
        double n = e * (e + 2.0);
        a[i] = x * n / (n + 2.0);
      }
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      if (x > LINEAR_ABOVE) {
        dz[i] = upstream[i];
      } else {
        double e = Math.exp(x);
        double n = e * (e + 2.0);
        double d = n + 2.0;
        double t = n / d;
        double sech2 = 4.0 * (n + 1.0) / (d * d);
        dz[i] = upstream[i] * (t + x * (e / (1.0 + e)) * sech2);
      }
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }
}
