package io.github.backprop.train;

import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Stops training when a validation measure has not improved for {@code patience} epochs, and
 * (by default) puts back the weights of the best epoch when training ends.
 *
 * <pre>{@code
 * EarlyStopping stopper = EarlyStopping.onValidationLoss(5);
 * Trainer.builder()...validation(held).metric(Metrics.accuracy()).listener(stopper)
 * // or EarlyStopping.onMetric("accuracy", true, 5): watches a metric; higher is better
 * }</pre>
 *
 * <p>An epoch improves on the best so far if its value is better by more than
 * {@link #minDelta(double) minDelta}; the first epoch always does. After {@code patience}
 * epochs in a row without improvement the run is asked to stop. With restoreBestWeights, at
 * the end of the run the network holds the weights it had after the best epoch, whether or not
 * the run stopped early (the optimizer's state stays that of the last epoch). Listeners added
 * after this one see the restored weights in {@code onTrainingEnd}.
 *
 * <p>One instance follows one run at a time; it resets when a run starts.
 */
public final class EarlyStopping implements TrainingListener {
  private final String metric;
  private final int patience;
  private final boolean higherIsBetter;
  private double minDelta;
  private boolean restoreBestWeights = true;
  private TrainingRun run;
  private List<Tensor> best;
  private double bestValue;
  private int bestEpoch;
  private int lastEpoch;
  private int waited;

  private EarlyStopping(String metric, int patience, boolean higherIsBetter) {
    if (patience < 0) {
      throw new IllegalArgumentException(
          "early stopping: patience must be at least 0, got " + patience);
    }
    this.metric = metric;
    this.patience = patience;
    this.higherIsBetter = higherIsBetter;
  }

  /** Watches the validation loss (lower is better). */
  public static EarlyStopping onValidationLoss(int patience) {
    return new EarlyStopping(null, patience, false);
  }

  /**
   * Watches a validation metric added to the trainer with {@link Trainer.Builder#metric}.
   *
   * @param higherIsBetter true for accuracy-like metrics, false for errors
   */
  public static EarlyStopping onMetric(String metric, boolean higherIsBetter, int patience) {
    return new EarlyStopping(Objects.requireNonNull(metric, "metric"), patience,
        higherIsBetter);
  }

  /** The least change that counts as an improvement; at least 0. Default 0. */
  public EarlyStopping minDelta(double minDelta) {
    if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
      throw new IllegalArgumentException(
          "early stopping: minDelta must be at least 0 and finite, got " + minDelta);
    }
    this.minDelta = minDelta;
    return this;
  }

  /** Whether to put back the best epoch's weights when training ends. Default true. */
  public EarlyStopping restoreBestWeights(boolean restore) {
    this.restoreBestWeights = restore;
    return this;
  }

  /**
   * @throws IllegalStateException if the trainer has no validation set, or not the metric
   */
  @Override
  public void onTrainingStart(TrainingRun run) {
    if (!run.hasValidation()) {
      throw new IllegalStateException(
          "early stopping watches " + watched() + ", but the trainer has no validation set;"
              + " add one with Trainer.Builder.validation(data)");
    }
    if (metric != null && !run.metricNames().contains(metric)) {
      throw new IllegalStateException(
          "early stopping watches the metric \"" + metric + "\", but the trainer computes "
              + run.metricNames() + "; add it with Trainer.Builder.metric(...)");
    }
    this.run = run;
    this.best = null;
    this.bestValue = Double.NaN;
    this.bestEpoch = 0;
    this.lastEpoch = 0;
    this.waited = 0;
  }

  @Override
  public void onEpochEnd(EpochSummary summary) {
    lastEpoch = summary.epoch();
    double value = metric == null ? summary.validationLoss() : summary.metric(metric);
    if (improves(value)) {
      bestValue = value;
      bestEpoch = summary.epoch();
      waited = 0;
      if (restoreBestWeights) {
        snapshot(run.network());
      }
      return;
    }
    waited++;
    if (waited >= patience) {
      run.requestStop(String.format(Locale.ROOT,
          "early stopping: %s has not improved for %d epoch%s (best %s at epoch %d)",
          watched(), waited, waited == 1 ? "" : "s", bestValue, bestEpoch));
    }
  }

  private boolean improves(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (bestEpoch == 0) {
      return true;
    }
    return higherIsBetter ? value > bestValue + minDelta : value < bestValue - minDelta;
  }

  private void snapshot(Network network) {
    if (best == null) {
      best = network.parameterValues();
    } else {
      for (int i = 0; i < best.size(); i++) {
        best.get(i).copyFromInPlace(network.parameters().get(i).value());
      }
    }
  }

  @Override
  public void onTrainingEnd(TrainingHistory history) {
    if (restoreBestWeights && best != null && bestEpoch != lastEpoch) {
      run.network().setParameterValues(best);
    }
  }

  /** The epoch with the best value in the last run, or 0 if none had a value. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The best value in the last run, or NaN. */
  public double bestValue() {
    return bestValue;
  }

  private String watched() {
    return metric == null ? "the validation loss" : "validation " + metric;
  }

  @Override
  public String toString() {
    return "EarlyStopping[" + watched() + ", patience=" + patience + ", minDelta=" + minDelta
        + ", restoreBestWeights=" + restoreBestWeights + "]";
  }
}
