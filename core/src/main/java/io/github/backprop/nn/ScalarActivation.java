package io.github.backprop.nn;

/**
 * Base for an activation written as two scalar methods, the value and the derivative: the
 * shortest way to add one. It costs one virtual call per element; when speed matters, extend
 * {@link ElementwiseActivation} and write the two loops instead.
 *
 * <pre>{@code
 * final class Cube extends ScalarActivation {
 *   public String name() { return "cube"; }
 *   public double value(double z) { return z * z * z; }
 *   public double derivative(double z, double a) { return 3 * z * z; }
 * }
 * }</pre>
 */
public abstract class ScalarActivation extends ElementwiseActivation {
  /** f(z). */
  public abstract double value(double z);

  /** f'(z), given also a = f(z) for derivatives that are cheaper from the output. */
  public abstract double derivative(double z, double a);

  @Override
  protected final void apply(double[] z, double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = value(z[i]);
    }
  }

  @Override
  protected final void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
      int to) {
    for (int i = from; i < to; i++) {
      dz[i] = upstream[i] * derivative(z[i], a[i]);
    }
  }
}
