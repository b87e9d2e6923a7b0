package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Map;

/**
 * {@code leaky_relu}: f(z) = z for z &gt; 0, else alpha z; f'(z) = 1 for z &gt; 0, else alpha
 * (so f'(0) = alpha, as torch). Parameter {@code alpha} (torch's negative_slope), default 0.01.
 *
 * <p>Any finite alpha is accepted, as torch accepts any negative_slope: 0 gives relu, 1 the
 * identity, and a negative alpha a V shape that is no longer monotone. Weights default to
 * {@code he_uniform}.
 */
final class LeakyRelu extends ElementwiseActivation {
  static final String NAME = "leaky_relu";
  static final double DEFAULT_ALPHA = 0.01;

  private final double alpha;

  LeakyRelu(double alpha) {
    this.alpha = Check.finite(NAME, "alpha", alpha);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] > 0 ? z[i] : alpha * z[i];
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > 0 ? upstream[i] : alpha * upstream[i];
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of("alpha", alpha);
  }

  @Override
  public String toString() {
    return NAME + "[alpha=" + alpha + "]";
  }
}
