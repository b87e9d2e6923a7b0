package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code selu}: f(z) = scale z for z &gt; 0, else scale alpha (e^z - 1); f'(z) = scale for
 * z &gt; 0, else scale alpha e^z (so f'(0) = scale alpha, as torch), computed from z as torch's
 * {@code elu_backward} does (a + scale alpha would cancel on the far negative side). No
 * parameters: alpha and scale are torch's constants from Klambauer et al. (2017).
 *
 * <p>Weights default to {@code xavier_uniform}, not He: self-normalisation assumes weights of
 * variance 1 / fan-in (LeCun), which torch's documentation gets by initialising selu layers as
 * linear ones; of the built-in initializers, Xavier is the one closest to that.
 */
final class Selu extends ElementwiseActivation {
  static final String NAME = "selu";
  static final double ALPHA = 1.6732632423543772848170429916717;
  static final double SCALE = 1.0507009873554804934193349852946;
  private static final double SCALE_ALPHA = SCALE * ALPHA;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] > 0 ? SCALE * z[i] : SCALE_ALPHA * Math.expm1(z[i]);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = upstream[i] * (z[i] > 0 ? SCALE : SCALE_ALPHA * Math.exp(z[i]));
    }
  }
}
