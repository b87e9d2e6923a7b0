package io.github.backprop.testing;

import io.github.backprop.nn.Parameter;
import io.github.backprop.train.Optimizer;
import java.util.List;

/** Plain gradient descent for core's own tests. */
public final class TestOptimizers {
  private TestOptimizers() {}

  public static Optimizer sgd(double learningRate) {
    return new Optimizer() {
      @Override
      public String name() {
        return "sgd";
      }

      @Override
      public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
          for (int i = 0; i < p.value().size(); i++) {
            p.value().data()[i] -= learningRate * p.grad().get(i);
          }
        }
      }
    };
  }
}
