package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.internal.SeededRandom;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Pass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Mini-batch gradient descent: for each epoch, for each batch, one forward and backward pass
 * and one optimizer step on the gradient of the batch's mean loss.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *     .loss(squaredError)
 *     .optimizer(sgd)
 *     .epochs(100)
 *     .batchSize(4)
 *     .build();
 * TrainingHistory history = trainer.fit(network, data);
 * }</pre>
 *
 * <p>Batches are taken in data order, the last one possibly short, unless {@link
 * Builder#shuffle(long)} asks for a seeded reshuffle before every epoch. The optimizer is used by
 * one run at a time; give each run a fresh one.
 */
public final class Trainer {
  private final Loss loss;
  private final Optimizer optimizer;
  private final int epochs;
  private final int batchSize;
  private final Long shuffleSeed;
  private final List<TrainingListener> listeners;

  private Trainer(Builder b) {
    this.loss = b.loss;
    this.optimizer = b.optimizer;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.shuffleSeed = b.shuffleSeed;
    this.listeners = List.copyOf(b.listeners);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Loss loss() {
    return loss;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Trains the network in place on the data.
   *
   * @throws IllegalArgumentException if the data does not fit the network or the loss
   * @throws TrainingDivergedException if a loss or gradient becomes NaN or infinite; the weights
   *     keep the values they had before that batch
   */
  public TrainingHistory fit(Network network, Dataset data) {
    Gradients.checkData(network, loss, data.inputs(), data.targets());
    int rows = data.size();
    int batches = (rows + batchSize - 1) / batchSize;
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    RandomGenerator random = shuffleSeed == null ? null : new SeededRandom(shuffleSeed);
    List<Parameter> parameters = network.parameters();
    List<EpochSummary> summaries = new ArrayList<>();
    listeners.forEach(l -> l.onTrainingStart(epochs, batches, rows));
    for (int epoch = 1; epoch <= epochs; epoch++) {
      int e = epoch;
      listeners.forEach(l -> l.onEpochStart(e));
      if (random != null) {
        shuffle(order, random);
      }
      double lossSum = 0;
      for (int batch = 1; batch <= batches; batch++) {
        int from = (batch - 1) * batchSize;
        int to = Math.min(rows, from + batchSize);
        Pass pass = network.pass(to - from);
        pass.load(data.inputs(), data.targets(), order, from, to);
        double batchLoss = Gradients.compute(pass, loss);
        checkFinite(pass, parameters, batchLoss, epoch, batch);
        optimizer.step(parameters);
        lossSum += batchLoss * (to - from);
        for (TrainingListener l : listeners) {
          l.onBatchEnd(epoch, batch, batchLoss, to - from);
        }
      }
      EpochSummary summary = new EpochSummary(epoch, lossSum / rows);
      summaries.add(summary);
      listeners.forEach(l -> l.onEpochEnd(summary));
    }
    TrainingHistory history = new TrainingHistory(summaries);
    listeners.forEach(l -> l.onTrainingEnd(history));
    return history;
  }

  /** Fisher-Yates, drawing from the run's seeded generator. */
  private static void shuffle(int[] order, RandomGenerator random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static void checkFinite(Pass pass, List<Parameter> parameters, double loss, int epoch,
      int batch) {
    String where = null;
    if (!Double.isFinite(loss)) {
      String node = pass.firstNonFiniteNode();
      where = "loss became " + loss + (node == null ? "" : " (first non-finite value in " + node + ")");
    } else {
      for (Parameter p : parameters) {
        if (p.grad().firstNonFinite() >= 0) {
          where = "the gradient of " + p.name() + " became non-finite";
          break;
        }
      }
    }
    if (where != null) {
      throw new TrainingDivergedException(
          where + " at epoch " + epoch + ", batch " + batch
              + "; the weights keep their values from before this batch. Try a smaller "
              + "learningRate, scaled inputs, or gradient clipping", epoch, batch);
    }
  }

  @Override
  public String toString() {
    return "Trainer[loss=" + loss.name() + ", optimizer=" + optimizer.name() + ", epochs=" + epochs
        + ", batchSize=" + batchSize + ", shuffle=" + (shuffleSeed == null ? "off" : "seed " + shuffleSeed)
        + "]";
  }

  /** Settings of a training run; loss and optimizer are required. */
  public static final class Builder {
    private Loss loss;
    private Optimizer optimizer;
    private int epochs = 1;
    private int batchSize = 32;
    private Long shuffleSeed;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    public Builder loss(Loss loss) {
      this.loss = Objects.requireNonNull(loss, "loss");
      return this;
    }

    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /** Full passes over the data; at least 0. Default 1. */
    public Builder epochs(int epochs) {
      if (epochs < 0) {
        throw new IllegalArgumentException("epochs must be at least 0, got " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /** Rows per optimizer step; at least 1. Default 32. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Reshuffle the rows before every epoch, from a generator with this seed. Default: off. */
    public Builder shuffle(long seed) {
      this.shuffleSeed = seed;
      return this;
    }

    public Builder listener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** @throws IllegalStateException if the loss or optimizer is missing */
    public Trainer build() {
      if (loss == null) {
        throw new IllegalStateException("Trainer: set a loss before build()");
      }
      if (optimizer == null) {
        throw new IllegalStateException("Trainer: set an optimizer before build()");
      }
      return new Trainer(this);
    }
  }
}
