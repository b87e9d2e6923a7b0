package io.github.backprop.optimizers;

import io.github.backprop.nn.Parameter;
import io.github.backprop.train.Optimizer;
import java.util.List;

/**
 * {@code sgd}: stochastic gradient descent, w &lt;- w - learningRate * dC/dw, the seeds' update
 * rule (torch.optim.SGD with its defaults).
 */
final class Sgd implements Optimizer {
  static final String NAME = "sgd";

  private final double learningRate;

  Sgd(double learningRate) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          NAME + ": learningRate must be positive and finite, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public String name() {
    return NAME;
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
  public String toString() {
    return "Sgd[learningRate=" + learningRate + "]";
  }
}
