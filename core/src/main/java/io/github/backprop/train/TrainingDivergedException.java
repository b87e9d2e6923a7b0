package io.github.backprop.train;

/**
 * Training produced a NaN or an infinity. Thrown before the optimizer step of the batch where it
 * appeared, so the weights still hold their last finite values.
 */
public class TrainingDivergedException extends RuntimeException {
  private final int epoch;
  private final int batch;

  public TrainingDivergedException(String message, int epoch, int batch) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
  }

  /** The 1-based epoch in which training diverged. */
  public int epoch() {
    return epoch;
  }

  /** The 1-based batch, within the epoch, in which training diverged. */
  public int batch() {
    return batch;
  }
}
