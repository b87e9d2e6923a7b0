package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code hard_swish} (torch's Hardswish): f(z) = z relu6(z + 3) / 6, i.e. 0 for z &le; -3, z for
 * z &ge; 3, else z (z + 3) / 6; f'(z) = 0 for z &lt; -3, z / 3 + 1/2 for -3 &le; z &le; 3, else
 * 1. No parameters. Weights default to {@code he_uniform}.
 *
 * <p>At the corners this takes the middle branch, f'(-3) = -1/2 and f'(3) = 3/2, as torch's
 * scalar CPU and CUDA kernels do (its vectorised CPU kernel gives 1 at z = 3).
 */
final class HardSwish extends ElementwiseActivation {
  static final String NAME = "hard_swish";
  private static final double ONE_SIXTH = 1.0 / 6.0;
  private static final double ONE_THIRD = 1.0 / 3.0;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      a[i] = x <= -3.0 ? 0.0 : (x >= 3.0 ? x : x * (x + 3.0) * ONE_SIXTH);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      dz[i] = x < -3.0 ? 0.0 : (x <= 3.0 ? upstream[i] * (x * ONE_THIRD + 0.5) : upstream[i]);
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }
}
