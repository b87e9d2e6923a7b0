package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import java.util.List;

/**
 * Fixtures for the training-loop tests: a small network and data set built from the shipped
 * test doubles, and an optimizer whose learning rate a schedule can set.
 */
final class TrainTestDoubles {
  private TrainTestDoubles() {}

  /** The seeds' loss, 1/2 sum (y - a)^2 per sample, mean over the batch. */
  static Loss loss() {
    return TestLosses.squaredError();
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
      for (int p = 0; p < parameters.size(); p++) {
        double[] w = parameters.get(p).value().data();
        double[] g = parameters.get(p).grad().data();
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

  /** A 2-3-1 network with tanh hidden units and a linear output, seeded. */
  static Network network(long seed) {
    return Network.builder(2).dense(3, TestActivations.tanh())
        .dense(1, TestActivations.identity()).seed(seed).build();
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
