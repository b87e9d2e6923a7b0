package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.inject.Components;
import io.github.backprop.train.EarlyStopping;
import io.github.backprop.train.LearningRateSchedule;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.Trainer;
import java.nio.file.Path;
import java.util.Set;

/**
 * A network spec, format 1 (docs/spec.md), read and checked: the same schema serves as the input
 * of every command and as the saved-model format.
 *
 * <p>Every section but {@code format} is optional when read; each command then asks for the
 * sections it needs ({@link #network(String)}, {@link #loss(String)}, ...), so a missing one is
 * reported as needed by that command.
 */
final class Spec {
  /** The only format this version reads and writes. */
  static final int FORMAT = 1;
  static final Set<String> FIELDS = JsonAt.names("format", "seed", "network", "loss",
      "optimizer", "data", "training");
  private static final Set<String> TRAINING_FIELDS = JsonAt.names("epochs", "batchSize",
      "shuffle", "schedule", "clipGradientNorm", "clipGradientValue", "earlyStopping");
  private static final Set<String> EARLY_STOPPING_FIELDS = JsonAt.names("patience", "minDelta",
      "restoreBestWeights");

  /** Default seed, for initial weights and shuffling. */
  static final long DEFAULT_SEED = 0;
  static final int DEFAULT_EPOCHS = 1;
  static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * The {@code training} section, defaults filled in.
   *
   * @param epochs full passes over the data, at least 0
   * @param batchSize rows per optimizer step, at least 1
   * @param shuffle whether to reshuffle the rows before every epoch (from {@code seed})
   * @param schedule the learning rate of each epoch, or null to keep the optimizer's
   * @param clipGradientNorm the global 2-norm to clip gradients to, or NaN for none
   * @param clipGradientValue the bound to clamp each gradient element to, or NaN for none
   * @param earlyStopping when to stop on the validation loss, or null to train every epoch
   */
  record Training(int epochs, int batchSize, boolean shuffle, LearningRateSchedule schedule,
      double clipGradientNorm, double clipGradientValue, EarlyStop earlyStopping) {

    /** Sets a trainer's batch size, shuffle (from {@code seed}), schedule and clipping. */
    Trainer.Builder applyTo(Trainer.Builder trainer, long seed) {
      trainer.batchSize(batchSize);
      if (shuffle) {
        trainer.shuffle(seed);
      }
      if (schedule != null) {
        trainer.schedule(schedule);
      }
      if (!Double.isNaN(clipGradientNorm)) {
        trainer.clipGradientNorm(clipGradientNorm);
      }
      if (!Double.isNaN(clipGradientValue)) {
        trainer.clipGradientValue(clipGradientValue);
      }
      return trainer;
    }
  }

  /**
   * The {@code training.earlyStopping} section: {@link EarlyStopping} on the validation loss.
   *
   * @param patience epochs without improvement before stopping, at least 0
   * @param minDelta the least decrease that counts as an improvement, at least 0
   * @param restoreBestWeights whether the trained network gets the best epoch's weights
   */
  record EarlyStop(int patience, double minDelta, boolean restoreBestWeights) {
    /** A fresh listener for one run. */
    EarlyStopping listener() {
      return EarlyStopping.onValidationLoss(patience).minDelta(minDelta)
          .restoreBestWeights(restoreBestWeights);
    }
  }

  private final Path file;
  private final JsonAt root;
  private final long seed;
  private final NetworkSpec network;
  private final Loss loss;
  private final Optimizer optimizer;
  private final DataSpec data;
  private final Training training;

  private Spec(Path file, JsonAt root, long seed, NetworkSpec network, Loss loss,
      Optimizer optimizer, DataSpec data, Training training) {
    this.file = file;
    this.root = root;
    this.seed = seed;
    this.network = network;
    this.loss = loss;
    this.optimizer = optimizer;
    this.data = data;
    this.training = training;
  }

  /**
   * Reads and checks a spec file: its JSON, the format, every field, shape and name. Data files
   * are not opened yet.
   *
   * @throws BadInputException naming the file and the JSON path of the first problem
   */
  static Spec read(Path file, Components components) {
    JsonAt root = JsonAt.root(file.toString(), Json.read(file));
    if (root.node() == null || !root.node().isObject()) {
      throw root.error("expected a JSON object at the top level, got "
          + JsonAt.describe(root.node()));
    }
    JsonAt format = root.get("format").require("a spec starts with \"format\": " + FORMAT);
    if (!format.node().isNumber() || format.node().doubleValue() != FORMAT) {
      throw format.error("expected " + FORMAT + " (the format this version reads), got "
          + JsonAt.describe(format.node()));
    }
    root.requireObject(FIELDS);
    long seed = root.get("seed").isPresent()
        ? root.get("seed").wholeNumber(Long.MIN_VALUE) : DEFAULT_SEED;
    NetworkSpec network = root.get("network").isPresent()
        ? NetworkSpec.read(root.get("network"), components) : null;
    Loss loss = root.get("loss").isPresent()
        ? Named.read(root.get("loss")).resolve(components.losses()) : null;
    Optimizer optimizer = root.get("optimizer").isPresent()
        ? Named.read(root.get("optimizer")).resolve(components.optimizers()) : null;
    DataSpec data = root.get("data").isPresent() ? DataSpec.read(root.get("data"), file) : null;
    Training training = readTraining(root.get("training"));
    return new Spec(file, root, seed, network, loss, optimizer, data, training);
  }

  private static Training readTraining(JsonAt at) {
    if (!at.isPresent()) {
      return new Training(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, false, null, Double.NaN,
          Double.NaN, null);
    }
    at.requireObject(TRAINING_FIELDS);
    int epochs = at.get("epochs").isPresent() ? at.get("epochs").count(0) : DEFAULT_EPOCHS;
    int batchSize = at.get("batchSize").isPresent()
        ? at.get("batchSize").count(1) : DEFAULT_BATCH_SIZE;
    boolean shuffle = at.get("shuffle").isPresent() && at.get("shuffle").bool();
    LearningRateSchedule schedule = at.get("schedule").isPresent()
        ? ScheduleSpec.read(at.get("schedule")) : null;
    double clipNorm = clipLimit(at.get("clipGradientNorm"));
    double clipValue = clipLimit(at.get("clipGradientValue"));
    if (!Double.isNaN(clipNorm) && !Double.isNaN(clipValue)) {
      throw at.get("clipGradientValue").error("give clipGradientNorm or clipGradientValue, not"
          + " both");
    }
    EarlyStop earlyStopping = at.get("earlyStopping").isPresent()
        ? readEarlyStopping(at.get("earlyStopping")) : null;
    return new Training(epochs, batchSize, shuffle, schedule, clipNorm, clipValue,
        earlyStopping);
  }

  private static EarlyStop readEarlyStopping(JsonAt at) {
    at.requireObject(EARLY_STOPPING_FIELDS);
    int patience = at.get("patience").require("give the epochs to wait for an improvement, as"
        + " in \"patience\": 10").count(0);
    double minDelta = 0;
    if (at.get("minDelta").isPresent()) {
      minDelta = at.get("minDelta").number();
      if (minDelta < 0) {
        throw at.get("minDelta").error("expected at least 0, got "
            + JsonAt.describe(at.get("minDelta").node()));
      }
    }
    boolean restore = !at.get("restoreBestWeights").isPresent()
        || at.get("restoreBestWeights").bool();
    return new EarlyStop(patience, minDelta, restore);
  }

  /** A clipping limit, positive and finite, or NaN when the field is absent. */
  private static double clipLimit(JsonAt at) {
    if (!at.isPresent()) {
      return Double.NaN;
    }
    double limit = at.number();
    if (!(limit > 0)) {
      throw at.error("expected a positive number, got " + JsonAt.describe(at.node()));
    }
    return limit;
  }

  Path file() {
    return file;
  }

  /** The document as read, for writing a saved model. */
  ObjectNode document() {
    return (ObjectNode) root.node();
  }

  long seed() {
    return seed;
  }

  Training training() {
    return training;
  }

  /** Whether the spec has a {@code network} section. */
  boolean hasNetwork() {
    return network != null;
  }

  /** @throws BadInputException if the spec has no network, saying that {@code command} needs one */
  NetworkSpec network(String command) {
    if (network == null) {
      throw root.get("network").error("missing; " + command + " needs a network");
    }
    return network;
  }

  /**
   * @throws BadInputException if the network leaves a weight or bias to its initializer: a
   *     trained model, as {@code train --save} writes, gives them all
   */
  void requireTrained(NetworkSpec network, String command) {
    String untrained = network.firstUntrainedLayer();
    if (untrained != null) {
      throw new BadInputException(file + ": " + untrained + ": missing; " + command + " needs a"
          + " trained model, with every weight and bias written out (train --save writes one)");
    }
  }

  /** An error for a loss or gradient that overflowed at the spec's weights and data. */
  BadInputException notFinite(String what) {
    return new BadInputException(file + ": " + what + " at the network's weights: they or the"
        + " inputs are too large (an overflow); try smaller weights or scaled inputs");
  }

  /** The loss if the spec names one, else null. */
  Loss lossOrNull() {
    return loss;
  }

  /** @throws BadInputException if the spec has no loss */
  Loss loss(String command) {
    if (loss == null) {
      throw root.get("loss").error("missing; " + command + " needs a loss, as in \"loss\": "
          + "\"squared_error\"");
    }
    return loss;
  }

  /**
   * The optimizer, a fresh instance made when the spec was read; read the spec again for
   * another run.
   *
   * @throws BadInputException if the spec has no optimizer
   */
  Optimizer optimizer(String command) {
    if (optimizer == null) {
      throw root.get("optimizer").error("missing; " + command + " needs an optimizer, as in "
          + "\"optimizer\": {\"name\": \"sgd\", \"learningRate\": 0.5}");
    }
    return optimizer;
  }

  /** @throws BadInputException if the spec has no data */
  DataSpec data(String command) {
    if (data == null) {
      throw root.get("data").error("missing; " + command + " needs data, as in \"data\": "
          + "{\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}");
    }
    return data;
  }

  /**
   * The error to report when the loss rejects the network's outputs during a run (cross_entropy
   * on outputs that are not probabilities, say): a mistake in pairing the spec's loss with its
   * output layer.
   */
  BadInputException lossRejected(IllegalArgumentException e) {
    return root.get("loss").error(e.getMessage());
  }

  /** The error for early stopping in a spec whose data has no validation set to watch. */
  BadInputException earlyStoppingWithoutValidation() {
    return root.get("training").get("earlyStopping").error("watches the validation loss, but"
        + " the data has no validation set; add one, as in \"validation\": {\"inputs\": ...,"
        + " \"targets\": ...}");
  }

  /** The data section if the spec has one, else null. */
  DataSpec dataOrNull() {
    return data;
  }
}
