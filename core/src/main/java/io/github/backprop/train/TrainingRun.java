package io.github.backprop.train;

import io.github.backprop.nn.Network;
import java.util.List;

/**
 * One call of {@link Trainer#fit}, as its listeners see it: what is being trained, how far it
 * will go, and a way to end it early.
 *
 * <p>A listener that wants to stop training (early stopping, a time limit) calls
 * {@link #requestStop}; the trainer finishes the current epoch (its summary and
 * {@link TrainingListener#onEpochEnd} included) and then ends the run.
 */
public final class TrainingRun {
  private final Network network;
  private final Optimizer optimizer;
  private final Loss loss;
  private final int initialEpoch;
  private final int epochs;
  private final int batchesPerEpoch;
  private final int samples;
  private final boolean validation;
  private final List<String> metricNames;
  private String stopReason;

  TrainingRun(Network network, Optimizer optimizer, Loss loss, int initialEpoch, int epochs,
      int batchesPerEpoch, int samples, boolean validation, List<String> metricNames) {
    this.network = network;
    this.optimizer = optimizer;
    this.loss = loss;
    this.initialEpoch = initialEpoch;
    this.epochs = epochs;
    this.batchesPerEpoch = batchesPerEpoch;
    this.samples = samples;
    this.validation = validation;
    this.metricNames = List.copyOf(metricNames);
  }

  /** The network being trained, in place. */
  public Network network() {
    return network;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Loss loss() {
    return loss;
  }

  /** Epochs completed before this run (non-zero when resuming); the first epoch run is this + 1. */
  public int initialEpoch() {
    return initialEpoch;
  }

  /** The number of the last epoch; this run trains epochs initialEpoch + 1 to epochs. */
  public int epochs() {
    return epochs;
  }

  /** Batches in each epoch (the last may be short). */
  public int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  /** Rows of training data. */
  public int samples() {
    return samples;
  }

  /** True if each epoch ends with an evaluation on a validation set. */
  public boolean hasValidation() {
    return validation;
  }

  /** The names of the metrics computed on the validation set. */
  public List<String> metricNames() {
    return metricNames;
  }

  /**
   * Ends the run after the current epoch. The first reason given is kept.
   *
   * @param reason why, for the history and logs (such as "validation loss has not improved for
   *     5 epochs")
   */
  public void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  public boolean stopRequested() {
    return stopReason != null;
  }

  /** The reason given to {@link #requestStop}, or null. */
  public String stopReason() {
    return stopReason;
  }
}
