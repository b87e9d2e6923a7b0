package io.github.backprop.losses;

import io.github.backprop.nn.Activation;
import io.github.backprop.nn.ElementwiseActivation;
import io.github.backprop.tensor.Tensor;

/**
 * Minimal output activations for these tests, written from their textbook definitions (the
 * losses module cannot see the activations module). The losses pick their fused path by the
 * name alone, so these stand in for the real ones.
 */
final class TestActivations {
  private TestActivations() {}

  /** sigmoid(z) = 1 / (1 + e^-z); derivative a (1 - a). */
  static Activation sigmoid() {
    return new ElementwiseActivation() {
      @Override
      public String name() {
        return "sigmoid";
      }

      @Override
      protected void apply(double[] z, double[] a) {
        for (int i = 0; i < z.length; i++) {
          a[i] = Numeric.sigmoid(z[i]);
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

  /** tanh, for hidden layers. */
  static Activation tanh() {
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

  /** Row-wise softmax; backward is the Jacobian-vector product s (g - sum_k g_k s_k). */
  static Activation softmax() {
    return new Activation() {
      @Override
      public String name() {
        return "softmax";
      }

      @Override
      public void forward(Tensor z, Tensor a) {
        double[][] s = Numeric.softmax(z.toArray2d());
        for (int r = 0; r < s.length; r++) {
          for (int j = 0; j < s[r].length; j++) {
            a.set(r, j, s[r][j]);
          }
        }
      }

      @Override
      public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
        double[][] g = Numeric.softmaxJvp(a.toArray2d(), upstream.toArray2d());
        for (int r = 0; r < g.length; r++) {
          for (int j = 0; j < g[r].length; j++) {
            dz.set(r, j, g[r][j]);
          }
        }
      }
    };
  }

  /** Wraps an activation, counting the calls to its backward. */
  static final class Counting implements Activation {
    private final Activation inner;
    int backwardCalls;

    Counting(Activation inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void forward(Tensor z, Tensor a) {
      inner.forward(z, a);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
      backwardCalls++;
      inner.backward(z, a, upstream, dz);
    }
  }
}
