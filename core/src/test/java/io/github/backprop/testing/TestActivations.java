package io.github.backprop.testing;

import io.github.backprop.nn.Activation;
import io.github.backprop.nn.ElementwiseActivation;

/** Small activations for core's own tests (core cannot see the activations module). */
public final class TestActivations {
  private TestActivations() {}

  public static Activation sigmoid() {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return "sigmoid";
      }

      @Override
      protected void apply(double[] z, double[] a) {
        for (int i = 0; i < z.length; i++) {
          a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
        for (int i = 0; i < z.length; i++) {
          dz[i] = upstream[i] * a[i] * (1 - a[i]);
        }
      }
    };
  }

  public static Activation tanh() {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return "tanh";
      }

      @Override
      protected void apply(double[] z, double[] a) {
        for (int i = 0; i < z.length; i++) {
          a[i] = Math.tanh(z[i]);
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
        for (int i = 0; i < z.length; i++) {
          dz[i] = upstream[i] * (1 - a[i] * a[i]);
        }
      }
    };
  }

  public static Activation identity() {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return "identity";
      }

      @Override
      protected void apply(double[] z, double[] a) {
        System.arraycopy(z, 0, a, 0, z.length);
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
        System.arraycopy(upstream, 0, dz, 0, z.length);
      }
    };
  }

  /** A sigmoid whose derivative is off by a factor, to be caught by the gradient check. */
  public static Activation sigmoidWithWrongDerivative(String name) {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return name;
      }

      @Override
      protected void apply(double[] z, double[] a) {
        for (int i = 0; i < z.length; i++) {
          a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz) {
        for (int i = 0; i < z.length; i++) {
          dz[i] = upstream[i] * a[i]; // missing the (1 - a) factor
        }
      }
    };
  }
}
