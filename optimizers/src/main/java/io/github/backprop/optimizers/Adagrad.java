package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adagrad}, as torch.optim.Adagrad computes it. At step t:
 *
 * <pre>
 * g = grad + weightDecay * w
 * rate = learningRate / (1 + (t - 1) * lrDecay)
 * sum = sum + g^2                      (sum starts at initialAccumulatorValue)
 * w = w - rate * g / (sqrt(sum) + epsilon)
 * </pre>
 */
final class Adagrad extends PerParameterOptimizer {
  static final String NAME = "adagrad";

  private final double lrDecay;
  private final double weightDecay;
  private final double initialAccumulatorValue;
  private final double epsilon;
  private double rate;

  Adagrad(double learningRate, double lrDecay, double weightDecay,
      double initialAccumulatorValue, double epsilon) {
    super(NAME, learningRate, "sum");
    this.lrDecay = Checks.nonNegative(NAME, "lrDecay", lrDecay);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
    this.initialAccumulatorValue =
        Checks.nonNegative(NAME, "initialAccumulatorValue", initialAccumulatorValue);
    this.epsilon = Checks.nonNegative(NAME, "epsilon", epsilon);
  }

  @Override
  double initialValue(int slot) {
    return initialAccumulatorValue;
  }

  @Override
  void beginStep(long t) {
    rate = learningRate() / (1 + (t - 1) * lrDecay);
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double[] sum = s[0];
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      sum[i] += gi * gi;
      w[i] -= rate * (gi / (Math.sqrt(sum[i]) + epsilon));
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("lrDecay", lrDecay);
    p.put("weightDecay", weightDecay);
    p.put("initialAccumulatorValue", initialAccumulatorValue);
    p.put("epsilon", epsilon);
    return p;
  }
}
