package io.github.backprop.train;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import java.util.Map;

/**
 * A loss function: how far a batch's outputs are from its targets.
 *
 * <p>Per-sample losses are averaged over the batch: {@link #value} is the batch's MEAN loss and
 * {@link #gradient} is the gradient of that mean (so it carries the 1/batch factor). output,
 * target and grad all have shape [batch, outputs]; no method changes its inputs.
 * Implementations are stateless.
 */
public interface Loss {
  /** The registered name, such as {@code "squared_error"}. */
  String name();

  /** The mean over rows of the per-sample loss. */
  double value(Tensor output, Tensor target);

  /**
   * The batch's mean loss given also the output layer's activation and weighted input z, so a
   * loss fused with that activation can compute it from z exactly (cross-entropy after softmax
   * by log-sum-exp, finite and exact where the probabilities underflow). The default ignores
   * them and returns {@link #value(Tensor, Tensor)}. The engine calls this form.
   */
  default double value(Activation outputActivation, Tensor z, Tensor output, Tensor target) {
    return value(output, target);
  }

  /** Writes d(mean loss)/d(output) into grad, overwriting it. */
  void gradient(Tensor output, Tensor target, Tensor grad);

  /**
   * Writes d(mean loss)/dz for the output layer's weighted input z directly, when this loss
   * has a fused form with that activation (softmax + cross-entropy: (a - y) / batch), which is
   * cheaper and finite where the chain-rule product is not.
   *
   * @return true if delta was written; false (the default) to use the chain rule instead
   */
  default boolean gradientAtWeightedInput(Activation outputActivation, Tensor z, Tensor output,
      Tensor target, Tensor delta) {
    return false;
  }

  /**
   * Rejects targets this loss cannot use (say, cross-entropy rows that are not distributions),
   * once per data set, with a message naming the row and value.
   *
   * @param where what the targets are, for the message (such as "training data targets")
   * @throws IllegalArgumentException if a target is invalid
   */
  default void checkTargets(String where, Tensor targets) {}

  /** The hyperparameters this instance was made with, by their registered names. */
  default Map<String, Object> parameters() {
    return Map.of();
  }
}
