package io.github.backprop.optimizers;

import io.github.backprop.train.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nadam}, Adam with Nesterov momentum, as torch.optim.NAdam documents it (and torch 2.0
 * computes it). At step t, with psi = momentumDecay:
 *
 * <pre>
 * g = grad + weightDecay * w
 * mu_t = beta1 * (1 - 0.5 * 0.96^(t psi));   mu_{t+1} = beta1 * (1 - 0.5 * 0.96^((t+1) psi))
 * P_t = mu_1 * ... * mu_t                    (kept as mu_product)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * d = sqrt(v / (1 - beta2^t)) + epsilon
 * w = w - learningRate * ((1 - mu_t) / (1 - P_t) * g / d + mu_{t+1} / (1 - P_t mu_{t+1}) * m / d)
 * </pre>
 */
final class Nadam extends PerParameterOptimizer {
  static final String NAME = "nadam";
  private static final String MU_PRODUCT = "mu_product";

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final double momentumDecay;
  private double muProduct = 1.0;
  private double gradCoefficient;
  private double momentCoefficient;
  private double biasCorrection2;

  Nadam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
      double momentumDecay) {
    super(NAME, learningRate, "exp_avg", "exp_avg_sq");
    this.beta1 = Checks.beta(NAME, "beta1", beta1);
    this.beta2 = Checks.beta(NAME, "beta2", beta2);
    this.epsilon = Checks.nonNegative(NAME, "epsilon", epsilon);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
    this.momentumDecay = Checks.nonNegative(NAME, "momentumDecay", momentumDecay);
  }

  @Override
  void beginStep(long t) {
    double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
    muProduct *= mu;
    double lr = learningRate();
    gradCoefficient = lr * (1 - mu) / (1 - muProduct);
    momentCoefficient = lr * muNext / (1 - muProduct * muNext);
    biasCorrection2 = 1 - Math.pow(beta2, t);
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double[] m = s[0];
    double[] v = s[1];
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * (gi * gi);
      double d = Math.sqrt(v[i] / biasCorrection2) + epsilon;
      w[i] -= gradCoefficient * (gi / d);
      w[i] -= momentCoefficient * (m[i] / d);
    }
  }

  @Override
  void exportScalars(OptimizerState.Builder state) {
    state.scalar(MU_PRODUCT, muProduct);
  }

  @Override
  void restoreScalars(OptimizerState state, long step) {
    muProduct = step == 0 && !state.scalars().containsKey(MU_PRODUCT)
        ? 1.0 : state.scalar(MU_PRODUCT);
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("beta1", beta1);
    p.put("beta2", beta2);
    p.put("epsilon", epsilon);
    p.put("weightDecay", weightDecay);
    p.put("momentumDecay", momentumDecay);
    return p;
  }
}
