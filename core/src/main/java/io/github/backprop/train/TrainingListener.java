package io.github.backprop.train;

/**
 * Follows a training run. Every method has an empty default, so a listener overrides only what
 * it needs.
 *
 * <p>Call order: {@code onTrainingStart}; then per epoch {@code onEpochStart}, one
 * {@code onBatchEnd} per batch (after the optimizer step), {@code onEpochEnd} (after the
 * validation set, if any, was evaluated); finally {@code onTrainingEnd}. Epochs and batches are
 * numbered from 1; a resumed run starts at epoch {@link TrainingRun#initialEpoch()} + 1. All
 * calls come from the thread that called {@link Trainer#fit}.
 */
public interface TrainingListener {
  /**
   * The run begins. Keep {@code run} to read the network and optimizer later or to
   * {@link TrainingRun#requestStop stop} the run. The default calls
   * {@link #onTrainingStart(int, int, int)}.
   */
  default void onTrainingStart(TrainingRun run) {
    onTrainingStart(run.epochs() - run.initialEpoch(), run.batchesPerEpoch(), run.samples());
  }

  /**
   * The run begins (the short form, called by the default {@link #onTrainingStart(TrainingRun)}).
   *
   * @param epochs the number of epochs to run
   * @param batchesPerEpoch batches in each epoch (the last may be short)
   * @param samples rows of training data
   */
  default void onTrainingStart(int epochs, int batchesPerEpoch, int samples) {}

  default void onEpochStart(int epoch) {}

  /**
   * @param loss the batch's mean loss, before this batch's update
   * @param rows the number of rows in the batch
   */
  default void onBatchEnd(int epoch, int batch, double loss, int rows) {}

  default void onEpochEnd(EpochSummary summary) {}

  default void onTrainingEnd(TrainingHistory history) {}
}
