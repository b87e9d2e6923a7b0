package io.github.backprop.train;

import java.util.List;

/**
 * The epochs of one training run, in order, and why it stopped early, if it did.
 *
 * @param stopReason the reason a listener gave for stopping before the last epoch (see
 *     {@link TrainingRun#requestStop}), or null if every epoch ran
 */
public record TrainingHistory(List<EpochSummary> epochs, String stopReason) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /** A history of a run that ran every epoch. */
  public TrainingHistory(List<EpochSummary> epochs) {
    this(epochs, null);
  }

  /** The last epoch's mean loss, or NaN if no epoch ran. */
  public double finalLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).meanLoss();
  }

  /** True if a listener stopped the run before its last epoch. */
  public boolean stoppedEarly() {
    return stopReason != null;
  }

  /** Each epoch's mean training loss. */
  public double[] losses() {
    return epochs.stream().mapToDouble(EpochSummary::meanLoss).toArray();
  }

  /** Each epoch's validation loss (NaN without a validation set). */
  public double[] validationLosses() {
    return epochs.stream().mapToDouble(EpochSummary::validationLoss).toArray();
  }

  /** Each epoch's value of one validation metric (NaN where it was not computed). */
  public double[] metric(String name) {
    return epochs.stream().mapToDouble(e -> e.metric(name)).toArray();
  }
}
