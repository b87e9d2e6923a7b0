package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code relu}: f(z) = max(0, z); f'(z) = 1 for z &gt; 0, else 0 (so f'(0) = 0, as torch). No
 * parameters. Weights default to {@code he_uniform}.
 */
final class Relu extends ElementwiseActivation {
  static final String NAME = "relu";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a) {
    for (int i = 0; i < z.length; i++) {
      // Written so that NaN passes through (NaN <= 0 is false), as torch's relu lets it.
      a[i] = z[i] <= 0 ? 0.0 : z[i];
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
    for (int i = 0; i < z.length; i++) {
      dz[i] = z[i] > 0 ? upstream[i] : 0.0;
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }
}
