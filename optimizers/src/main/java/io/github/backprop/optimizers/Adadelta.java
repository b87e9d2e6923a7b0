package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adadelta}, as torch.optim.Adadelta computes it:
 *
 * <pre>
 * g = grad + weightDecay * w
 * v = rho * v + (1 - rho) * g^2
 * delta = sqrt(u + epsilon) / sqrt(v + epsilon) * g
 * u = rho * u + (1 - rho) * delta^2
 * w = w - learningRate * delta
 * </pre>
 */
final class Adadelta extends PerParameterOptimizer {
  static final String NAME = "adadelta";

  private final double rho;
  private final double epsilon;
  private final double weightDecay;

  Adadelta(double learningRate, double rho, double epsilon, double weightDecay) {
    super(NAME, learningRate, "square_avg", "acc_delta");
    this.rho = Checks.unitInterval(NAME, "rho", rho);
    this.epsilon = Checks.nonNegative(NAME, "epsilon", epsilon);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double lr = learningRate();
    double[] v = s[0];
    double[] u = s[1];
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      v[i] = rho * v[i] + (1 - rho) * (gi * gi);
      double delta = Math.sqrt(u[i] + epsilon) / Math.sqrt(v[i] + epsilon) * gi;
      u[i] = rho * u[i] + (1 - rho) * (delta * delta);
      w[i] -= lr * delta;
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("rho", rho);
    p.put("epsilon", epsilon);
    p.put("weightDecay", weightDecay);
    return p;
  }
}
