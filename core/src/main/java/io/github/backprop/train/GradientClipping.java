package io.github.backprop.train;

import io.github.backprop.nn.Parameter;
import java.util.List;

/**
 * Limits gradients before the optimizer step, as torch.nn.utils does; the {@link Trainer}
 * applies one of these when asked ({@link Trainer.Builder#clipGradientNorm},
 * {@link Trainer.Builder#clipGradientValue}).
 */
public final class GradientClipping {
  /** Added to the norm before dividing, as torch does, so a zero gradient stays finite. */
  static final double NORM_EPSILON = 1e-6;

  private GradientClipping() {}

  /**
   * torch's {@code clip_grad_norm_} with the 2-norm: the norm of all gradients taken together
   * (the 2-norm of the per-parameter 2-norms); if it exceeds {@code maxNorm}, every gradient is
   * multiplied by {@code maxNorm / (norm + 1e-6)}. A NaN anywhere makes the norm NaN, and then
   * every gradient NaN, as torch's multiplication by the clamped factor does.
   *
   * @return the total norm before clipping
   * @throws IllegalArgumentException if maxNorm is not positive and finite
   */
  public static double clipByNorm(List<Parameter> parameters, double maxNorm) {
    checkLimit("maxNorm", maxNorm);
    int n = parameters.size();
    double sumOfSquares = 0;
    for (int p = 0; p < n; p++) {
      double norm = norm(parameters.get(p).grad().data());
      sumOfSquares += norm * norm;
    }
    double total = Math.sqrt(sumOfSquares);
    double coefficient = maxNorm / (total + NORM_EPSILON);
    if (!(coefficient >= 1)) {
      for (int p = 0; p < n; p++) {
        double[] g = parameters.get(p).grad().data();
        for (int i = 0; i < g.length; i++) {
          g[i] *= coefficient;
        }
      }
    }
    return total;
  }

  /**
   * torch's {@code clip_grad_value_}: clamps every gradient element into
   * [-clipValue, clipValue].
   *
   * @throws IllegalArgumentException if clipValue is not positive and finite
   */
  public static void clipByValue(List<Parameter> parameters, double clipValue) {
    checkLimit("clipValue", clipValue);
    int n = parameters.size();
    for (int p = 0; p < n; p++) {
      double[] g = parameters.get(p).grad().data();
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.max(-clipValue, Math.min(clipValue, g[i]));
      }
    }
  }

  private static double norm(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  static void checkLimit(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "gradient clipping: " + name + " must be positive and finite, got " + value);
    }
  }
}
