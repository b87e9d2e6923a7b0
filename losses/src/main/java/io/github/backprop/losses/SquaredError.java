package io.github.backprop.losses;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;

/**
 * {@code squared_error}: per sample C = 1/2 sum_j (y_j - a_j)^2, the seeds' E and C; averaged
 * over the batch. Gradient of the batch mean: dC/da_j = (a_j - y_j) / batch. Any output
 * activation.
 */
final class SquaredError implements Loss {
  static final String NAME = "squared_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double value(Tensor output, Tensor target) {
    requireSameShape(output, target);
    double[] a = output.data();
    double[] y = target.data();
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double r = y[i] - a[i];
      sum += r * r;
    }
    return 0.5 * sum / output.rows();
  }

  @Override
  public void gradient(Tensor output, Tensor target, Tensor grad) {
    requireSameShape(output, target);
    requireSameShape(output, grad);
    double[] a = output.data();
    double[] y = target.data();
    double[] g = grad.data();
    double scale = 1.0 / output.rows();
    for (int i = 0; i < a.length; i++) {
      g[i] = (a[i] - y[i]) * scale;
    }
  }

  private static void requireSameShape(Tensor output, Tensor other) {
    if (!output.shape().equals(other.shape())) {
      throw new ShapeMismatchException(
          NAME + ": outputs have shape " + output.shape() + " but got " + other.shape(),
          output.shape().toString(), other.shape().toString());
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
