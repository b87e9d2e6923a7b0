package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;

/**
 * {@code relu}: f(z) = max(0, z); f'(z) = 1 for z &gt; 0, else 0 (so f'(0) = 0, as torch). No
 * parameters. Weights default to {@code he_uniform}.
 */
final class Relu extends ElementwiseActivation {
  static final String NAME = "relu";
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      // max(z, 0) passes NaN through, as torch's relu does, and maps -0.0 to 0.0. Unlike a
      // comparison it has no branch (signs of z are random, so a branch mispredicts half the
      // time) and the JIT vectorizes it: about ten times faster.
      a[i] = Math.max(z[i], 0.0);
    }
  }

  /**
   * dz = upstream where z &gt; 0, else +0.0 (so 0 at z = 0 and at NaN), computed without a
   * branch by masking upstream's bits; see {@link #positiveMask}.
   */
  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      long mask = positiveMask(Double.doubleToRawLongBits(z[i]));
      dz[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(upstream[i]) & mask);
    }
  }

  /**
   * All ones if the double with these bits is &gt; 0 (a positive number or +infinity), else all
   * zeros (zeros, negatives and every NaN). Those doubles are exactly the bit patterns 1 to
   * {@code INFINITY_BITS}, so with t = bits - 1 the test is the unsigned t &lt; {@code
   * INFINITY_BITS}: t - INFINITY_BITS is negative and t itself is not. Taking the sign bit of
   * that conjunction spreads it over the word. About six times faster than {@code z > 0 ? u :
   * 0.0}, whose branch mispredicts half the time.
   */
  static long positiveMask(long bits) {
    long t = bits - 1;
    return ((t - INFINITY_BITS) & ~t) >> 63;
  }

  @Override
  public String defaultInitializer() {
    return "he_uniform";
  }
}
