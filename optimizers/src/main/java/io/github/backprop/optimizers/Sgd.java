package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sgd}: stochastic gradient descent as torch.optim.SGD computes it. With the defaults it
 * is the seeds' rule w &lt;- w - learningRate * dC/dw.
 *
 * <pre>
 * g = grad + weightDecay * w
 * if momentum != 0:
 *   b = g                                  on the first step
 *   b = momentum * b + (1 - dampening) * g afterwards
 *   g = nesterov ? g + momentum * b : b
 * w = w - learningRate * g
 * </pre>
 */
final class Sgd extends PerParameterOptimizer {
  static final String NAME = "sgd";

  private final double momentum;
  private final double dampening;
  private final boolean nesterov;
  private final double weightDecay;

  Sgd(double learningRate, double momentum, double dampening, boolean nesterov,
      double weightDecay) {
    super(NAME, learningRate, momentum != 0 ? new String[] {"momentum_buffer"} : new String[0]);
    this.momentum = Checks.nonNegative(NAME, "momentum", momentum);
    this.dampening = Checks.nonNegative(NAME, "dampening", dampening);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
    if (nesterov && (momentum == 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          NAME + ": nesterov needs a momentum above 0 and a dampening of 0, got momentum "
              + momentum + " and dampening " + dampening);
    }
    this.nesterov = nesterov;
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double lr = learningRate();
    if (momentum == 0) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * (g[i] + weightDecay * w[i]);
      }
      return;
    }
    double[] b = s[0];
    boolean first = t == 1;
    for (int i = 0; i < w.length; i++) {
      double d = g[i] + weightDecay * w[i];
      b[i] = first ? d : momentum * b[i] + (1 - dampening) * d;
      w[i] -= lr * (nesterov ? d + momentum * b[i] : b[i]);
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("momentum", momentum);
    p.put("dampening", dampening);
    p.put("nesterov", nesterov);
    p.put("weightDecay", weightDecay);
    return p;
  }
}
