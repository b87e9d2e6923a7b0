package io.github.backprop.train;

import java.util.List;

/** The epochs of one training run, in order. */
public record TrainingHistory(List<EpochSummary> epochs) {
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /** The last epoch's mean loss, or NaN if no epoch ran. */
  public double finalLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).meanLoss();
  }
}
