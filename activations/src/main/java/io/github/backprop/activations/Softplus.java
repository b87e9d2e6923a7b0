package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code softplus}: f(z) = log(1 + e^(beta z)) / beta, and f(z) = z where beta z &gt; threshold,
 * as torch; f'(z) = e^(beta z) / (1 + e^(beta z)), and 1 where beta z &gt; threshold. Parameters
 * {@code beta} &gt; 0, default 1, and {@code threshold} &gt; 0, default 20.
 *
 * <p>The linear branch keeps e^(beta z) from overflowing; at the default threshold the jump
 * there is below 3e-9. A threshold of 0 or below would put the jump where the function is far
 * from linear (at 0 it is log 2 / beta), so it is rejected. Weights default to
 * {@code he_uniform}.
 */
final class Softplus extends ElementwiseActivation {
  static final String NAME = "softplus";
  static final double DEFAULT_BETA = 1.0;
  static final double DEFAULT_THRESHOLD = 20.0;

  private final double beta;
  private final double inverseBeta;
  private final double threshold;

  Softplus(double beta, double threshold) {
    this.beta = Check.positive(NAME, "beta", beta);
    this.inverseBeta = 1.0 / beta;
    this.threshold = Check.positive(NAME, "threshold", threshold);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double bz = beta * z[i];
      a[i] = bz > threshold ? z[i] : Math.log1p(Math.exp(bz)) * inverseBeta;
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      double bz = beta * z[i];
      if (bz > threshold) {
        dz[i] = upstream[i];
      } else {
        double e = Math.exp(bz);
        dz[i] = upstream[i] * e / (e + 1.0);
      }
    }
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("beta", beta);
    p.put("threshold", threshold);
    return Collections.unmodifiableMap(p);
  }

  @Override
  public String toString() {
    return NAME + "[beta=" + beta + ", threshold=" + threshold + "]";
  }
}
