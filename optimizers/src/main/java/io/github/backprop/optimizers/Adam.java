package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adam} and {@code adamw}, as torch.optim.Adam and torch.optim.AdamW compute them. At
 * step t:
 *
 * <pre>
 * adamw: w = w * (1 - learningRate * weightDecay)         (decoupled weight decay)
 * adam:  g = grad + weightDecay * w                       (L2 added to the gradient)
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * vMax = max(vMax, v)                                     (amsgrad only; used instead of v)
 * w = w - (learningRate / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * </pre>
 */
final class Adam extends PerParameterOptimizer {
  static final String ADAM = "adam";
  static final String ADAMW = "adamw";

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final boolean amsgrad;
  private final boolean decoupled;
  private double stepSize;
  private double biasCorrection2Sqrt;

  /**
   * @param decoupled true for adamw (weight decay shrinks w directly), false for adam (L2)
   */
  Adam(String name, double learningRate, double beta1, double beta2, double epsilon,
      double weightDecay, boolean amsgrad, boolean decoupled) {
    super(name, learningRate, amsgrad
        ? new String[] {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}
        : new String[] {"exp_avg", "exp_avg_sq"});
    this.beta1 = Checks.beta(name, "beta1", beta1);
    this.beta2 = Checks.beta(name, "beta2", beta2);
    this.epsilon = Checks.nonNegative(name, "epsilon", epsilon);
    this.weightDecay = Checks.nonNegative(name, "weightDecay", weightDecay);
    this.amsgrad = amsgrad;
    this.decoupled = decoupled;
  }

  @Override
  void beginStep(long t) {
    stepSize = learningRate() / (1 - Math.pow(beta1, t));
    biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double[] m = s[0];
    double[] v = s[1];
    double[] vMax = amsgrad ? s[2] : v;
    double l2 = decoupled ? 0 : weightDecay;
    double shrink = decoupled ? 1 - learningRate() * weightDecay : 1;
    for (int i = 0; i < w.length; i++) {
      if (decoupled) {
        w[i] *= shrink;
      }
      double gi = g[i] + l2 * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * (gi * gi);
      if (amsgrad) {
        vMax[i] = Math.max(vMax[i], v[i]);
      }
      double denom = Math.sqrt(vMax[i]) / biasCorrection2Sqrt + epsilon;
      w[i] -= stepSize * (m[i] / denom);
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
    p.put("amsgrad", amsgrad);
    return p;
  }
}
