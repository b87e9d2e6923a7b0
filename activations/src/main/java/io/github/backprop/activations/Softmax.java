package io.github.backprop.activations;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;

/**
 * {@code softmax}, over each row: a_i = e^(z_i) / sum_j e^(z_j); backward is the
 * Jacobian-vector product dz_i = a_i (g_i - sum_j g_j a_j) for upstream g, since da_i/dz_k =
 * a_i (delta_ik - a_k). No parameters.
 *
 * <p>Stable for any finite logits: each row is shifted by its maximum first, so the largest
 * exponent is e^0 = 1 and nothing overflows ([1e4, -1e4] gives [1, 0]). For training a
 * classifier, pair it with a cross-entropy loss that fuses the two, whose gradient a - y is
 * exact where this product would multiply rounded probabilities.
 */
final class Softmax implements Activation {
  static final String NAME = "softmax";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void forward(Tensor z, Tensor a) {
    Check.sameShape(NAME, "forward", z, a);
    double[] x = z.data();
    double[] y = a.data();
    int cols = z.cols();
    for (int row = 0; row < x.length; row += cols) {
      int end = row + cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = row; i < end; i++) {
        max = Math.max(max, x[i]);
      }
      double sum = 0;
      for (int i = row; i < end; i++) {
        double e = Math.exp(x[i] - max);
        y[i] = e;
        sum += e;
      }
      double inverse = 1.0 / sum;
      for (int i = row; i < end; i++) {
        y[i] *= inverse;
      }
    }
  }

  @Override
  public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
    Check.sameShape(NAME, "backward", z, a);
    Check.sameShape(NAME, "backward", z, upstream);
    Check.sameShape(NAME, "backward", z, dz);
    double[] y = a.data();
    double[] g = upstream.data();
    double[] d = dz.data();
    int cols = z.cols();
    for (int row = 0; row < y.length; row += cols) {
      int end = row + cols;
      double dot = 0;
      for (int i = row; i < end; i++) {
        dot += g[i] * y[i];
      }
      for (int i = row; i < end; i++) {
        d[i] = y[i] * (g[i] - dot);
      }
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
