package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code hard_tanh}: f(z) = min(max(z, minValue), maxValue); f'(z) = 1 for minValue &lt; z &lt;
 * maxValue, else 0 (0 at both corners, as torch). Parameters {@code minValue}, default -1, and
 * {@code maxValue}, default 1, with minValue &lt; maxValue.
 */
final class HardTanh extends ElementwiseActivation {
  static final String NAME = "hard_tanh";
  static final double DEFAULT_MIN_VALUE = -1.0;
  static final double DEFAULT_MAX_VALUE = 1.0;

  private final double minValue;
  private final double maxValue;

  HardTanh(double minValue, double maxValue) {
    this.minValue = Check.finite(NAME, "minValue", minValue);
    this.maxValue = Check.finite(NAME, "maxValue", maxValue);
    if (!(minValue < maxValue)) {
      throw new IllegalArgumentException(
          NAME + ": minValue must be below maxValue, got minValue " + minValue + " and maxValue "
              + maxValue);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      a[i] = x < minValue ? minValue : (x > maxValue ? maxValue : x);
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > minValue && z[i] < maxValue ? upstream[i] : 0.0;
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("minValue", minValue);
    p.put("maxValue", maxValue);
    return Collections.unmodifiableMap(p);
  }

  @Override
  public String toString() {
    return NAME + "[minValue=" + minValue + ", maxValue=" + maxValue + "]";
  }
}
