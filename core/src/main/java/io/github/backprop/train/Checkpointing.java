package io.github.backprop.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Saves a {@link Checkpoint} (weights and optimizer state) after every n-th epoch, counted from
 * the first epoch of all (epochs 5, 10, ... for n = 5, also when resuming).
 *
 * <pre>{@code
 * Trainer.builder()...listener(Checkpointing.every(5, CheckpointFile.writer(path)))
 * }</pre>
 *
 * <p>A failed write stops training with an {@link UncheckedIOException} naming the epoch: a run
 * that cannot save what it was asked to save should not carry on silently.
 */
public final class Checkpointing implements TrainingListener {
  private final int every;
  private final CheckpointWriter writer;
  private TrainingRun run;

  private Checkpointing(int every, CheckpointWriter writer) {
    if (every < 1) {
      throw new IllegalArgumentException(
          "checkpointing: every must be at least 1 epoch, got " + every);
    }
    this.every = every;
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** A checkpoint after each epoch whose number is a multiple of {@code epochs}. */
  public static Checkpointing every(int epochs, CheckpointWriter writer) {
    return new Checkpointing(epochs, writer);
  }

  @Override
  public void onTrainingStart(TrainingRun run) {
    this.run = run;
  }

  @Override
  public void onEpochEnd(EpochSummary summary) {
    if (summary.epoch() % every != 0) {
      return;
    }
    try {
      writer.write(Checkpoint.of(summary.epoch(), run.network(), run.optimizer()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "checkpoint after epoch " + summary.epoch() + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Checkpointing[every " + every + " epochs, " + writer + "]";
  }
}
