package io.github.backprop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's result.
 *
 * @param epoch 1-based
 * @param meanLoss the mean of the per-sample training losses over the epoch's batches, each
 *     taken before that batch's update
 * @param validationLoss the mean loss on the validation set after the epoch, or NaN if the
 *     trainer has none
 * @param metrics each {@link Metric}'s value on the validation set after the epoch, by name, in
 *     the order the metrics were added; empty without a validation set
 * @param learningRate the optimizer's learning rate during the epoch (NaN if it has none)
 */
public record EpochSummary(int epoch, double meanLoss, double validationLoss,
    Map<String, Double> metrics, double learningRate) {

  public EpochSummary {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A summary with only the training loss. */
  public EpochSummary(int epoch, double meanLoss) {
    this(epoch, meanLoss, Double.NaN, Map.of(), Double.NaN);
  }

  /** One metric's value, or NaN if it was not computed. */
  public double metric(String name) {
    Double value = metrics.get(name);
    return value == null ? Double.NaN : value;
  }

  /** True if the epoch was evaluated on a validation set. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }
}
