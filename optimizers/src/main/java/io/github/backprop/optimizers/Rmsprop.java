package io.github.backprop.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rmsprop}, as torch.optim.RMSprop computes it:
 *
 * <pre>
 * g = grad + weightDecay * w
 * v = alpha * v + (1 - alpha) * g^2
 * centered: gAvg = alpha * gAvg + (1 - alpha) * g;  d = sqrt(v - gAvg^2) + epsilon
 * else:     d = sqrt(v) + epsilon
 * momentum &gt; 0: b = momentum * b + g / d;  w = w - learningRate * b
 * else:         w = w - learningRate * g / d
 * </pre>
 *
 * <p>alpha must be in [0, 1]: torch only checks alpha &gt;= 0, but above 1 the average would
 * weigh the new squared gradient negatively and its root could be NaN.
 */
final class Rmsprop extends PerParameterOptimizer {
  static final String NAME = "rmsprop";

  private final double alpha;
  private final double epsilon;
  private final double weightDecay;
  private final double momentum;
  private final boolean centered;

  Rmsprop(double learningRate, double alpha, double epsilon, double weightDecay,
      double momentum, boolean centered) {
    super(NAME, learningRate, slots(momentum, centered));
    this.alpha = Checks.unitInterval(NAME, "alpha", alpha);
    this.epsilon = Checks.nonNegative(NAME, "epsilon", epsilon);
    this.weightDecay = Checks.nonNegative(NAME, "weightDecay", weightDecay);
    this.momentum = Checks.nonNegative(NAME, "momentum", momentum);
    this.centered = centered;
  }

  private static String[] slots(double momentum, boolean centered) {
    if (centered) {
      return momentum > 0
          ? new String[] {"square_avg", "grad_avg", "momentum_buffer"}
          : new String[] {"square_avg", "grad_avg"};
    }
    return momentum > 0
        ? new String[] {"square_avg", "momentum_buffer"}
        : new String[] {"square_avg"};
  }

  @Override
  void update(double[] w, double[] g, double[][] s, long t) {
    double lr = learningRate();
    double[] v = s[0];
    double[] gAvg = centered ? s[1] : null;
    double[] b = momentum > 0 ? s[centered ? 2 : 1] : null;
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      v[i] = alpha * v[i] + (1 - alpha) * (gi * gi);
      double d;
      if (centered) {
        gAvg[i] = alpha * gAvg[i] + (1 - alpha) * gi;
        d = Math.sqrt(v[i] - gAvg[i] * gAvg[i]) + epsilon;
      } else {
        d = Math.sqrt(v[i]) + epsilon;
      }
      if (b != null) {
        b[i] = momentum * b[i] + gi / d;
        w[i] -= lr * b[i];
      } else {
        w[i] -= lr * (gi / d);
      }
    }
  }

  @Override
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("learningRate", initialLearningRate());
    p.put("alpha", alpha);
    p.put("epsilon", epsilon);
    p.put("weightDecay", weightDecay);
    p.put("momentum", momentum);
    p.put("centered", centered);
    return p;
  }
}
