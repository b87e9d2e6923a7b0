package io.github.backprop.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the loss of every batch and the summary of every epoch as training goes, for plots
 * and for other listeners that want the curve so far. {@link Trainer#fit} also returns the
 * epoch summaries; this adds the per-batch losses and is readable during the run.
 *
 * <p>Recording a batch appends to a growing array (amortised, no boxing). Starting a run clears
 * what the previous one recorded.
 */
public final class HistoryRecorder implements TrainingListener {
  private double[] batchLosses = new double[64];
  private int batchCount;
  private final List<EpochSummary> epochs = new ArrayList<>();

  @Override
  public void onTrainingStart(TrainingRun run) {
    batchCount = 0;
    epochs.clear();
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double loss, int rows) {
    if (batchCount == batchLosses.length) {
      batchLosses = Arrays.copyOf(batchLosses, batchCount * 2);
    }
    batchLosses[batchCount++] = loss;
  }

  @Override
  public void onEpochEnd(EpochSummary summary) {
    epochs.add(summary);
  }

  /** Every batch's mean loss so far, in training order (taken before its update). */
  public double[] batchLosses() {
    return Arrays.copyOf(batchLosses, batchCount);
  }

  /** Every completed epoch's summary so far. */
  public List<EpochSummary> epochs() {
    return List.copyOf(epochs);
  }

  /** The history so far, as {@link Trainer#fit} would return it. */
  public TrainingHistory history() {
    return new TrainingHistory(epochs);
  }
}
