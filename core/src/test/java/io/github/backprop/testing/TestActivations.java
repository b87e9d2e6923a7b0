package io.github.backprop.testing;

import io.github.backprop.nn.Activation;
import io.github.backprop.nn.ElementwiseActivation;
import io.github.backprop.tensor.Tensor;

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
      protected void apply(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
          a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
          int to) {
        for (int i = from; i < to; i++) {
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
      protected void apply(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
          a[i] = Math.tanh(z[i]);
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
          int to) {
        for (int i = from; i < to; i++) {
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
      protected void apply(double[] z, double[] a, int from, int to) {
        System.arraycopy(z, from, a, from, to - from);
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
          int to) {
        System.arraycopy(upstream, from, dz, from, to - from);
      }
    };
  }

  public static Activation relu() {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return "relu";
      }

      @Override
      protected void apply(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
          a[i] = Math.max(z[i], 0.0);
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
          int to) {
        for (int i = from; i < to; i++) {
          dz[i] = z[i] > 0 ? upstream[i] : 0.0;
        }
      }

      @Override
      public String defaultInitializer() {
        return "he_uniform";
      }
    };
  }

  /** Softmax over each row; backward is the Jacobian-vector product a (g - g . a). */
  public static Activation softmax() {
    return new Activation() {
      @Override
      public String name() {
        return "softmax";
      }

      @Override
      public void forward(Tensor z, Tensor a) {
        int cols = z.cols();
        for (int r = 0; r < z.rows(); r++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < cols; c++) {
            max = Math.max(max, z.get(r, c));
          }
          double sum = 0;
          for (int c = 0; c < cols; c++) {
            sum += Math.exp(z.get(r, c) - max);
          }
          for (int c = 0; c < cols; c++) {
            a.set(r, c, Math.exp(z.get(r, c) - max) / sum);
          }
        }
      }

      @Override
      public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
        int cols = z.cols();
        for (int r = 0; r < z.rows(); r++) {
          double dot = 0;
          for (int c = 0; c < cols; c++) {
            dot += upstream.get(r, c) * a.get(r, c);
          }
          for (int c = 0; c < cols; c++) {
            dz.set(r, c, a.get(r, c) * (upstream.get(r, c) - dot));
          }
        }
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
      protected void apply(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
          a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
        }
      }

      @Override
      protected void derivative(double[] z, double[] a, double[] upstream, double[] dz, int from,
          int to) {
        for (int i = from; i < to; i++) {
          dz[i] = upstream[i] * a[i]; // missing the (1 - a) factor
        }
      }
    };
  }
}
