package io.github.backprop.train;

import io.github.backprop.data.Dataset;
import io.github.backprop.internal.SeededRandom;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Each batch: forward and backward pass, a check that the loss and gradients are finite,
 * gradient clipping if asked for, the optimizer step, then the listeners' {@code onBatchEnd}.
 * Each epoch: the schedule (if any) sets the learning rate first; after the last batch the
 * validation set (if any) is evaluated: its mean loss and every {@link Metric}.
 *
 * <p>Order of rows: data order, the last batch possibly short, unless {@link
 * Builder#shuffle(long)} asks for a reshuffle before every epoch. Epoch e's order is a
 * Fisher-Yates shuffle of the rows by a Mersenne Twister seeded from (seed, e) alone, so it does
 * not depend on earlier epochs: a run resumed at epoch e sees the same order as an unbroken one.
 *
 * <p>Resuming: restore the weights and the optimizer's state (a {@link Checkpoint} holds both),
 * then train with {@link Builder#initialEpoch(int)} set to the epochs already done. Since the
 * schedule and the shuffle depend only on the epoch number, the run continues bit for bit as if
 * it had never stopped.
 *
 * <p>The optimizer is used by one run at a time; give each run a fresh one. The batch loop
 * allocates nothing once the network's buffers for the batch size exist.
 */
public final class Trainer {
  private final Loss loss;
  private final Optimizer optimizer;
  private final int epochs;
  private final int initialEpoch;
  private final int batchSize;
  private final Long shuffleSeed;
  private final TrainingListener[] listeners;
  private final Dataset validation;
  private final Metric[] metrics;
  private final LearningRateSchedule schedule;
  private final double baseLearningRate;
  private final double clipNorm;
  private final double clipValue;

  private Trainer(Builder b) {
    this.loss = b.loss;
    this.optimizer = b.optimizer;
    this.epochs = b.epochs;
    this.initialEpoch = b.initialEpoch;
    this.batchSize = b.batchSize;
    this.shuffleSeed = b.shuffleSeed;
    this.listeners = b.listeners.toArray(new TrainingListener[0]);
    this.validation = b.validation;
    this.metrics = b.metrics.toArray(new Metric[0]);
    this.schedule = b.schedule;
    this.baseLearningRate = b.optimizer.learningRate();
    this.clipNorm = b.clipNorm;
    this.clipValue = b.clipValue;
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
   * @throws IllegalArgumentException if the data (or the validation data) does not fit the
   *     network or the loss
   * @throws TrainingDivergedException if a loss or gradient becomes NaN or infinite; the weights
   *     keep the values they had before that batch
   */
  public TrainingHistory fit(Network network, Dataset data) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(data, "data");
    Gradients.checkData(network, loss, data.inputs(), data.targets());
    if (validation != null) {
      Gradients.checkData("validation ", network, loss, validation.inputs(),
          validation.targets());
    }
    int rows = data.size();
    int batches = (rows + batchSize - 1) / batchSize;
    int[] order = shuffleSeed == null ? null : new int[rows];
    List<Parameter> parameters = network.parameters();
    WorkerPool workers = network.workers().orElse(null);
    FiniteCheck finite = new FiniteCheck(workers);
    List<String> metricNames = new ArrayList<>();
    for (Metric m : metrics) {
      metricNames.add(m.name());
    }
    TrainingRun run = new TrainingRun(network, optimizer, loss, initialEpoch, epochs, batches,
        rows, validation != null, metricNames);
    for (TrainingListener l : listeners) {
      l.onTrainingStart(run);
    }
    List<EpochSummary> summaries = new ArrayList<>();
    // On several threads, unshuffled batches are read in place (see Pass.view): a copied batch
    // costs two threads more than the copy. The passes doing so copy their last batch in when
    // fit ends, so that they never read the data after fit returns.
    boolean inPlace = order == null && workers != null && workers.threads() > 1;
    Pass[] viewing = new Pass[2];
    try {
      for (int epoch = initialEpoch + 1; epoch <= epochs && !run.stopRequested(); epoch++) {
        if (schedule != null) {
          optimizer.setLearningRate(schedule.learningRate(epoch - 1, baseLearningRate));
        }
        for (TrainingListener l : listeners) {
          l.onEpochStart(epoch);
        }
        if (order != null) {
          shuffle(order, shuffleSeed, epoch);
        }
        double lossSum = 0;
        for (int batch = 1; batch <= batches; batch++) {
          int from = (batch - 1) * batchSize;
          int to = Math.min(rows, from + batchSize);
          Pass pass = network.pass(to - from);
          if (inPlace) {
            pass.view(data.inputs(), data.targets(), from, to);
            viewing[to - from == batchSize ? 0 : 1] = pass;
          } else {
            pass.load(data.inputs(), data.targets(), order, from, to);
          }
          double batchLoss = Gradients.compute(pass, loss);
          checkFinite(pass, parameters, finite, batchLoss, epoch, batch);
          if (!Double.isNaN(clipNorm)) {
            GradientClipping.clipByNorm(parameters, clipNorm);
          } else if (!Double.isNaN(clipValue)) {
            GradientClipping.clipByValue(parameters, clipValue);
          }
          if (workers == null) {
            optimizer.step(parameters);
          } else {
            optimizer.step(parameters, workers);
          }
          lossSum += batchLoss * (to - from);
          for (TrainingListener l : listeners) {
            l.onBatchEnd(epoch, batch, batchLoss, to - from);
          }
        }
        EpochSummary summary = summarize(network, epoch, lossSum / rows);
        summaries.add(summary);
        for (TrainingListener l : listeners) {
          l.onEpochEnd(summary);
        }
      }
    } finally {
      for (Pass pass : viewing) {
        if (pass != null) {
          pass.input();
        }
      }
    }
    TrainingHistory history = new TrainingHistory(summaries, run.stopReason());
    for (TrainingListener l : listeners) {
      l.onTrainingEnd(history);
    }
    return history;
  }

  private EpochSummary summarize(Network network, int epoch, double meanLoss) {
    if (validation == null) {
      return new EpochSummary(epoch, meanLoss, Double.NaN, Map.of(), optimizer.learningRate());
    }
    double validationLoss = Gradients.meanLossOfCheckedData(network, loss, validation.inputs(),
        validation.targets());
    Map<String, Double> values = new LinkedHashMap<>();
    if (metrics.length > 0) { // the loss alone needs no second pass over the validation set
      Tensor outputs = network.predict(validation.inputs());
      for (Metric m : metrics) {
        values.put(m.name(), m.value(outputs, validation.targets()));
      }
    }
    return new EpochSummary(epoch, meanLoss, validationLoss, values, optimizer.learningRate());
  }

  /** Epoch e's order: Fisher-Yates from the identity, by a generator seeded from (seed, e). */
  static void shuffle(int[] order, long seed, int epoch) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    RandomGenerator random = new SeededRandom(epochSeed(seed, epoch));
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** SplitMix64's finalizer over seed + golden-ratio increments: well-spread seeds per epoch. */
  static long epochSeed(long seed, int epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * epoch;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void checkFinite(Pass pass, List<Parameter> parameters, FiniteCheck finite,
      double loss, int epoch, int batch) {
    String where = null;
    if (!Double.isFinite(loss)) {
      String node = pass.firstNonFiniteNode();
      where = "loss became " + loss
          + (node == null ? "" : " (first non-finite value in " + node + ")");
    } else {
      for (int p = 0; p < parameters.size(); p++) {
        if (!finite.test(parameters.get(p).grad())) {
          where = "the gradient of " + parameters.get(p).name() + " became non-finite";
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
    StringBuilder sb = new StringBuilder("Trainer[loss=").append(loss.name())
        .append(", optimizer=").append(optimizer.name())
        .append(", epochs=").append(epochs);
    if (initialEpoch > 0) {
      sb.append(", initialEpoch=").append(initialEpoch);
    }
    sb.append(", batchSize=").append(batchSize)
        .append(", shuffle=").append(shuffleSeed == null ? "off" : "seed " + shuffleSeed);
    if (schedule != null) {
      sb.append(", schedule=").append(schedule);
    }
    if (!Double.isNaN(clipNorm)) {
      sb.append(", clipGradientNorm=").append(clipNorm);
    }
    if (!Double.isNaN(clipValue)) {
      sb.append(", clipGradientValue=").append(clipValue);
    }
    if (validation != null) {
      sb.append(", validation=").append(validation.size()).append(" rows");
    }
    return sb.append(']').toString();
  }

  /** Settings of a training run; loss and optimizer are required. */
  public static final class Builder {
    private Loss loss;
    private Optimizer optimizer;
    private int epochs = 1;
    private int initialEpoch;
    private int batchSize = 32;
    private Long shuffleSeed;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Dataset validation;
    private final List<Metric> metrics = new ArrayList<>();
    private LearningRateSchedule schedule;
    private double clipNorm = Double.NaN;
    private double clipValue = Double.NaN;

    private Builder() {}

    public Builder loss(Loss loss) {
      this.loss = Objects.requireNonNull(loss, "loss");
      return this;
    }

    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /**
     * The number of the last epoch to train; at least 0. Default 1. Without
     * {@link #initialEpoch(int)} this is the number of full passes over the data.
     */
    public Builder epochs(int epochs) {
      if (epochs < 0) {
        throw new IllegalArgumentException("epochs must be at least 0, got " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /**
     * Epochs already trained, when resuming (Keras's {@code initial_epoch}): the run trains
     * epochs initialEpoch + 1 to {@link #epochs(int)}, with the learning rates and row orders
     * of those epochs. Default 0.
     */
    public Builder initialEpoch(int initialEpoch) {
      if (initialEpoch < 0) {
        throw new IllegalArgumentException(
            "initialEpoch must be at least 0, got " + initialEpoch);
      }
      this.initialEpoch = initialEpoch;
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

    /**
     * Reshuffle the rows before every epoch; each epoch's order depends only on this seed and
     * the epoch number. Default: off.
     */
    public Builder shuffle(long seed) {
      this.shuffleSeed = seed;
      return this;
    }

    public Builder listener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** A data set to evaluate after every epoch: its mean loss and the {@link #metric}s. */
    public Builder validation(Dataset validation) {
      this.validation = Objects.requireNonNull(validation, "validation");
      return this;
    }

    /** A metric to compute on the validation set after every epoch (such as accuracy). */
    public Builder metric(Metric metric) {
      Objects.requireNonNull(metric, "metric");
      for (Metric m : metrics) {
        if (m.name().equals(metric.name())) {
          throw new IllegalArgumentException(
              "Trainer: a metric named \"" + metric.name() + "\" was already added");
        }
      }
      metrics.add(metric);
      return this;
    }

    /**
     * Sets the optimizer's learning rate at the start of each epoch from this schedule and the
     * optimizer's learning rate when {@link #build()} is called.
     */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** Clip gradients to this global 2-norm before each step ({@link GradientClipping}). */
    public Builder clipGradientNorm(double maxNorm) {
      GradientClipping.checkLimit("maxNorm", maxNorm);
      this.clipNorm = maxNorm;
      return this;
    }

    /** Clamp each gradient element into [-clipValue, clipValue] before each step. */
    public Builder clipGradientValue(double clipValue) {
      GradientClipping.checkLimit("clipValue", clipValue);
      this.clipValue = clipValue;
      return this;
    }

    /**
     * @throws IllegalStateException if the loss or optimizer is missing, initialEpoch is past
     *     epochs, metrics are set without a validation set, both clippings are set, or a
     *     schedule is set for an optimizer without a learning rate
     */
    public Trainer build() {
      if (loss == null) {
        throw new IllegalStateException("Trainer: set a loss before build()");
      }
      if (optimizer == null) {
        throw new IllegalStateException("Trainer: set an optimizer before build()");
      }
      if (initialEpoch > epochs) {
        throw new IllegalStateException(
            "Trainer: initialEpoch " + initialEpoch + " is past epochs " + epochs
                + "; epochs is the number of the last epoch, so to train n more after "
                + initialEpoch + " set epochs(" + initialEpoch + " + n)");
      }
      if (!metrics.isEmpty() && validation == null) {
        throw new IllegalStateException(
            "Trainer: metrics are computed on the validation set; set validation(data) too");
      }
      if (!Double.isNaN(clipNorm) && !Double.isNaN(clipValue)) {
        throw new IllegalStateException(
            "Trainer: choose one of clipGradientNorm and clipGradientValue, not both");
      }
      if (schedule != null && !(optimizer.learningRate() >= 0)) {
        throw new IllegalStateException(
            "Trainer: a schedule needs an optimizer with a learning rate, but "
                + optimizer.name() + " reports " + optimizer.learningRate());
      }
      return new Trainer(this);
    }
  }
}
