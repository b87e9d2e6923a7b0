package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adamax}, Adam with an infinity norm, as torch.optim.Adamax computes it. At step t:
 *
 * <pre>
 * g = grad + weightDecay * w
 * m = beta1 * m + (1 - beta1) * g
 * u = max(beta2 * u, |g| + epsilon)          (epsilon inside the max, as torch has it)
 * w = w - (learningRate / (1 - beta1^t)) * m / u
 * </pre>
 */
final class Adamax extends PerParameterOptimizer {
  static final String NAME = "adamax";

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private double stepSize;

  Adamax(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super(NAME, learningRate, "exp_avg", "exp_inf");
    this.beta1 = Checks.beta(NAME, "beta1", beta1);
    this.beta2 = Checks.beta(NAME, "beta2", beta2);
    this.epsilon = Checks.nonNegative(NAME, "epsilon", epsilon);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
  }

  @Override
  void beginStep(long t) {
    stepSize = learningRate() / (1 - Math.pow(beta1, t));
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double[] m = s[0];
    double[] u = s[1];
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      u[i] = Math.max(beta2 * u[i], Math.abs(gi) + epsilon);
      w[i] -= stepSize * (m[i] / u[i]);
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("beta1", beta1);
    p.put("beta2", beta2);
    p.put("epsilon", epsilon);
    p.put("weightDecay", weightDecay);
    return p;
  }
}
