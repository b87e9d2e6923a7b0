package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Map;

/**
 * {@code celu}: f(z) = z for z &gt; 0, else alpha (e^(z / alpha) - 1); f'(z) = 1 for z &gt; 0,
 * else e^(z / alpha) (so f'(0) = 1, as torch), computed from z as torch's {@code elu_backward}
 * does (a / alpha + 1 would cancel on the far negative side). Parameter {@code alpha} &gt; 0,
 * default 1.
 *
 * <p>torch rejects only alpha = 0; a negative alpha turns the negative side upward and unbounded,
 * which is no longer the function of Barron (2017), so it is rejected here too. Weights default
 * to {@code he_uniform}.
 */
final class Celu extends ElementwiseActivation {
  static final String NAME = "celu";
  static final double DEFAULT_ALPHA = 1.0;

  private final double alpha;
  private final double inverseAlpha;

  Celu(double alpha) {
    this.alpha = Check.positive(NAME, "alpha", alpha);
    this.inverseAlpha = 1.0 / alpha;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] > 0 ? z[i] : alpha * Math.expm1(z[i] * inverseAlpha);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > 0 ? upstream[i] : upstream[i] * Math.exp(z[i] * inverseAlpha);
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
