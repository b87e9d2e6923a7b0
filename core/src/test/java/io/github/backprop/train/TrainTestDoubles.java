package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.ScalarActivation;
import io.github.backprop.tensor.Tensor;
import java.util.List;

/** Small stand-ins for plug-ins, since core's tests cannot use the plug-in modules. */
final class TrainTestDoubles {
  private TrainTestDoubles() {}

  /** a = z. */
  static final class Identity extends ScalarActivation {
    @Override
    public String name() {
      return "identity";
    }

    @Override
    public double value(double z) {
      return z;
    }

    @Override
    public double derivative(double z, double a) {
      return 1;
    }
  }

  /** a = tanh(z), so networks are not linear. */
  static final class Tanh extends ScalarActivation {
    @Override
    public String name() {
      return "tanh";
    }

    @Override
    public double value(double z) {
      return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
      return 1 - a * a;
    }
  }

  /** Mean over rows of 0.5 * sum over outputs of (a - y)^2. */
  static final class HalfSquaredError implements Loss {
    @Override
    public String name() {
      return "half_squared_error";
    }

    @Override
    public double value(Tensor output, Tensor target) {
      double[] a = output.data();
      double[] y = target.data();
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += 0.5 * (a[i] - y[i]) * (a[i] - y[i]);
      }
      return sum / output.rows();
    }

    @Override
    public void gradient(Tensor output, Tensor target, Tensor grad) {
      double[] a = output.data();
      double[] y = target.data();
      double[] g = grad.data();
      for (int i = 0; i < a.length; i++) {
        g[i] = (a[i] - y[i]) / output.rows();
      }
    }
  }

  /** Plain gradient descent with a settable learning rate and no state. */
  static final class PlainSgd implements Optimizer {
    private double learningRate;

    PlainSgd(double learningRate) {
      this.learningRate = learningRate;
    }

    @Override
    public String name() {
      return "plain_sgd";
    }

    @Override
    public void step(List<Parameter> parameters) {
      for (Parameter p : parameters) {
        double[] w = p.value().data();
        double[] g = p.grad().data();
        for (int i = 0; i < w.length; i++) {
          w[i] -= learningRate * g[i];
        }
      }
    }

    @Override
    public double learningRate() {
      return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
      this.learningRate = learningRate;
    }
  }

  /** A 2-3-1 network with tanh hidden units, seeded. */
  static Network network(long seed) {
    Activation hidden = new Tanh();
    return Network.builder(2).dense(3, hidden).dense(1, new Identity()).seed(seed).build();
  }

  /** y = x0 - 2 x1 + 0.5 on a fixed grid of n points. */
  static Dataset line(int n) {
    double[][] x = new double[n][2];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = Math.sin(i * 0.7);
      x[i][1] = Math.cos(i * 1.3);
      y[i][0] = x[i][0] - 2 * x[i][1] + 0.5;
    }
    return Dataset.of(x, y);
  }
}
