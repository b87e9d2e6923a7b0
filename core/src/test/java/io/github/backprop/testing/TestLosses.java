package io.github.backprop.testing;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;

/** Small losses for core's own tests (core cannot see the losses module). */
public final class TestLosses {
  private TestLosses() {}

  /** 1/2 sum_j (y_j - a_j)^2 per sample, mean over the batch: the seeds' E. */
  public static Loss squaredError() {
    return new Loss() {
      @Override
      public String name() {
        return "squared_error";
      }

      @Override
      public double value(Tensor output, Tensor target) {
        double sum = 0;
        for (int i = 0; i < output.size(); i++) {
          double r = target.get(i) - output.get(i);
          sum += r * r;
        }
        return 0.5 * sum / output.rows();
      }

      @Override
      public void gradient(Tensor output, Tensor target, Tensor grad) {
        for (int i = 0; i < output.size(); i++) {
          grad.data()[i] = (output.get(i) - target.get(i)) / output.rows();
        }
      }
    };
  }
}
