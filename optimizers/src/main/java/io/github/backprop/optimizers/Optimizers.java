package io.github.backprop.optimizers;

import io.github.backprop.train.Optimizer;

/** The stock optimizers, for code that does not look them up by name. Each call is a new one. */
public final class Optimizers {
  private Optimizers() {}

  /** {@code sgd}: w &lt;- w - learningRate * dC/dw. */
  public static Optimizer sgd(double learningRate) {
    return new Sgd(learningRate);
  }
}
