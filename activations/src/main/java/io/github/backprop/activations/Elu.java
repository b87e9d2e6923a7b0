package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Map;

/**
 * {@code elu}: f(z) = z for z &gt; 0, else alpha (e^z - 1); f'(z) = 1 for z &gt; 0, else
 * alpha e^z (so f'(0) = alpha, as torch). The derivative is computed from z, as torch's
 * {@code elu_backward} does, not as a + alpha, which cancels to 0 on the far negative side.
 * Parameter {@code alpha} &gt; 0, default 1.
 *
 * <p>alpha must be positive: the exponential branch is then the smooth, bounded-below negative
 * side the function is named for (Clevert et al., 2015); a negative alpha would make it
 * decreasing. Weights default to {@code he_uniform}.
 */
final class Elu extends ElementwiseActivation {
  static final String NAME = "elu";
  static final double DEFAULT_ALPHA = 1.0;

  private final double alpha;

  Elu(double alpha) {
    this.alpha = Check.positive(NAME, "alpha", alpha);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] > 0 ? z[i] : alpha * Math.expm1(z[i]);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > 0 ? upstream[i] : upstream[i] * alpha * Math.exp(z[i]);
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
