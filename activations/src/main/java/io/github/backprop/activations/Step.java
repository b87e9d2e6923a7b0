package io.github.backprop.activations;

import io.github.backprop.nn.ElementwiseActivation;
import java.util.Arrays;

/**
 * {@code step} (Heaviside): f(z) = 1 for z &gt; 0, else 0; f'(z) = 0 everywhere. No parameters.
 *
 * <p>The perceptron's unit. Its derivative is zero wherever it exists, and no straight-through
 * estimate is substituted, so gradient descent cannot train the layers below it: that is the
 * reason smooth activations exist. (torch.heaviside has no derivative at all; the zero follows
 * torch.sign's.)
 */
final class Step extends ElementwiseActivation {
  static final String NAME = "step";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = z[i] > 0 ? 1.0 : 0.0;
    }
  }

  @Override
  protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    Arrays.fill(dz, from, to, 0.0);
  }
}
