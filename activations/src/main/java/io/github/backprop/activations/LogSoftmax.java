package io.github.backprop.activations;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;

/**
 * {@code log_softmax}, over each row: a_i = z_i - log sum_j e^(z_j); backward is the
 * Jacobian-vector product dz_i = g_i - e^(a_i) sum_j g_j for upstream g, since da_i/dz_k =
 * delta_ik - softmax_k. No parameters.
 *
 * <p>Computed by log-sum-exp with the row maximum m factored out, a_i = (z_i - m) - log sum_j
 * e^(z_j - m), so it is finite for any finite logits: [1e4, -1e4] gives [0, -2e4], where
 * log(softmax) would give log 0 = -infinity.
 */
final class LogSoftmax implements Activation {
  static final String NAME = "log_softmax";

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
        sum += Math.exp(x[i] - max);
      }
      double logSum = Math.log(sum);
      for (int i = row; i < end; i++) {
        y[i] = (x[i] - max) - logSum;
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
      double sum = 0;
      for (int i = row; i < end; i++) {
        sum += g[i];
      }
      for (int i = row; i < end; i++) {
        d[i] = g[i] - Math.exp(y[i]) * sum;
      }
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
