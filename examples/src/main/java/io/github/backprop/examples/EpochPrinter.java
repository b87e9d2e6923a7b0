package io.github.backprop.examples;

import io.github.backprop.train.EpochSummary;
import io.github.backprop.train.TrainingListener;
import java.io.PrintStream;

/** Prints the epoch and its mean loss every {@code every} epochs, so long runs show progress. */
final class EpochPrinter implements TrainingListener {
  private final int every;
  private final PrintStream out;
  private int epochs;

  EpochPrinter(int every, PrintStream out) {
    this.every = every;
    this.out = out;
  }

  @Override
  public void onTrainingStart(int epochs, int batchesPerEpoch, int samples) {
    this.epochs = epochs;
  }

  @Override
  public void onEpochEnd(EpochSummary summary) {
    if (summary.epoch() % every == 0 || summary.epoch() == epochs) {
      out.printf("  epoch %d/%d  loss %.6f%n", summary.epoch(), epochs, summary.meanLoss());
    }
  }
}
