package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.data.Dataset;
import io.github.backprop.internal.IoReason;
import io.github.backprop.internal.Plural;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Checkpoint;
import io.github.backprop.train.CheckpointFile;
import io.github.backprop.train.Checkpointing;
import io.github.backprop.train.EarlyStopping;
import io.github.backprop.train.EpochSummary;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingDivergedException;
import io.github.backprop.train.TrainingHistory;
import io.github.backprop.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code train SPEC [--save FILE] [--model FILE] [--checkpoint FILE]}: trains the spec's network
 * on its data and prints {@code {"initialLoss": L0, "history": [{"epoch": 1, "loss": L1}, ...],
 * "finalLoss": Ln, "network": {...}}}, where every loss is the mean over all of the training
 * data (each epoch's after that epoch's updates). With validation data, each epoch also reports
 * {@code validationLoss}, and {@code validationAccuracy} when the targets are classes. With
 * early stopping, {@code "earlyStopping": {"stopped": ..., "bestEpoch": ...}} tells how it
 * ended, and when the best epoch's weights are put back, {@code finalLoss} and the network are
 * that epoch's.
 *
 * <p>{@code --model FILE} starts from a saved model's network and weights instead of the spec's
 * (a network in the spec must then have the same architecture); the optimizer starts afresh.
 * {@code --save FILE} writes the spec with the trained weights as a model, atomically.
 *
 * <p>{@code --checkpoint FILE} saves the weights and the optimizer's state (Adam's moments,
 * say) after every epoch, atomically. If the file exists when training starts, the run resumes
 * from it: its weights and state, from the epoch after the one it holds up to
 * {@code training.epochs}, reported as {@code "resumedAfterEpoch"}. Schedules and shuffling
 * depend only on the epoch number, so an interrupted run resumed this way ends with the same bits
 * as one that never stopped. Early stopping cannot resume (a checkpoint does not hold its count).
 */
final class TrainCommand implements Command {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String arguments() {
    return "SPEC [--save FILE] [--model FILE] [--checkpoint FILE]";
  }

  @Override
  public String summary() {
    return "trains the network, printing the loss per epoch and the trained weights;"
        + " --save FILE writes the trained model (a spec), --model FILE starts from one,"
        + " --checkpoint FILE saves each epoch and resumes from FILE if it exists";
  }

  @Override
  public void run(List<String> args, Context context) throws IOException {
    Arguments a = Arguments.parse(this, args, List.of("SPEC"), Set.of("--save", "--model",
        "--checkpoint"));
    // The model would overwrite the checkpoint, or the checkpoint the model being read.
    a.requireDifferentFiles("--checkpoint", "--save");
    a.requireDifferentFiles("--checkpoint", "--model");
    Spec spec = Spec.read(Path.of(a.positional(0)), context.components());
    NetworkSpec networkSpec;
    Network network;
    String modelFile = a.option("--model");
    if (modelFile == null) {
      networkSpec = spec.network(name());
      network = networkSpec.build(spec.seed());
    } else {
      Spec model = Spec.read(Path.of(modelFile), context.components());
      networkSpec = model.network("train --model");
      model.requireTrained(networkSpec, "train --model");
      if (spec.hasNetwork()) {
        String difference = spec.network(name()).difference(networkSpec);
        if (difference != null) {
          throw new BadInputException(spec.file() + ": network: does not match the model "
              + modelFile + ": " + difference);
        }
      }
      network = networkSpec.build(model.seed());
    }
    Loss loss = spec.loss(name());
    LoadedData data = LoadedData.load(spec.data(name()), networkSpec, loss);
    Optimizer optimizer = spec.optimizer(name());
    String checkpointFile = a.option("--checkpoint");
    Path checkpoint = checkpointFile == null ? null : Path.of(checkpointFile);
    String saveFile = a.option("--save");
    int initialEpoch = checkpoint == null ? 0 : resume(checkpoint, spec, network, optimizer);
    ObjectNode result;
    try {
      result = train(spec, network, loss, optimizer, data, checkpoint, initialEpoch);
    } catch (IllegalArgumentException e) {
      // An optimizer checks a restored state against the parameters at its first step.
      if (initialEpoch > 0 && String.valueOf(e.getMessage())
          .startsWith(optimizer.name() + ": restored ")) {
        throw new BadInputException(checkpoint + ": cannot resume from this checkpoint: "
            + e.getMessage(), e);
      }
      throw spec.lossRejected(e);
    }
    result.set("network", NetworkSpec.toJson(network, data.classes(), data.inputColumns()));
    if (saveFile != null) {
      ModelFile.save(Path.of(saveFile), spec, network, data.classes(), data.inputColumns());
    }
    context.out().print(Json.write(result));
  }

  /**
   * Restores the network and optimizer from the checkpoint if the file exists, returning the
   * epochs it holds; 0 if there is no file yet.
   */
  private static int resume(Path file, Spec spec, Network network, Optimizer optimizer)
      throws IOException {
    if (!Files.exists(file)) {
      Path directory = file.toAbsolutePath().normalize().getParent();
      if (!Files.isDirectory(directory)) {
        throw new BadInputException(file + ": cannot write checkpoints: the directory "
            + directory + " does not exist");
      }
      return 0;
    }
    Checkpoint saved;
    try {
      saved = CheckpointFile.read(file);
    } catch (IOException e) {
      String message = e.getMessage();
      if (message != null && message.startsWith(file.toString())) {
        throw new BadInputException(message, e);
      }
      throw new BadInputException(file + ": cannot read the checkpoint: "
          + (Files.isDirectory(file) ? "it is a directory" : IoReason.of(e)), e);
    }
    Spec.Training settings = spec.training();
    if (settings.earlyStopping() != null) {
      throw new BadInputException(file + ": cannot resume with training.earlyStopping in "
          + spec.file() + ": a checkpoint does not hold the best epoch or the patience count;"
          + " remove earlyStopping to resume, or the checkpoint to start again");
    }
    if (saved.epoch() > settings.epochs()) {
      throw new BadInputException(file + ": holds " + Plural.of(saved.epoch(), "epoch")
          + ", more than the " + settings.epochs() + " of training.epochs in " + spec.file());
    }
    try {
      saved.restoreInto(network, optimizer);
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage().replaceFirst("^checkpoint: ", "");
      throw new BadInputException(file + ": cannot resume from this checkpoint: " + reason, e);
    }
    return saved.epoch();
  }

  private ObjectNode train(Spec spec, Network network, Loss loss, Optimizer optimizer,
      LoadedData data, Path checkpoint, int initialEpoch) {
    Dataset train = data.train();
    Dataset validation = data.validation();
    boolean classes = validation != null && Classes.isClassification(validation.targets());
    ObjectNode result = Json.object();
    if (initialEpoch > 0) {
      result.put("resumedAfterEpoch", initialEpoch);
    }
    double initial = Gradients.meanLoss(network, loss, train.inputs(), train.targets());
    if (!Double.isFinite(initial)) {
      throw spec.notFinite("before training, the loss over the data is " + initial);
    }
    result.put("initialLoss", initial);
    ArrayNode history = result.putArray("history");
    Spec.Training settings = spec.training();
    Trainer.Builder trainer = settings.applyTo(Trainer.builder(), spec.seed())
        .loss(loss)
        .optimizer(optimizer)
        .epochs(settings.epochs())
        .initialEpoch(initialEpoch)
        .listener(new TrainingListener() {
          @Override
          public void onEpochEnd(EpochSummary summary) {
            ObjectNode entry = history.addObject();
            entry.put("epoch", summary.epoch());
            double after = Gradients.meanLoss(network, loss, train.inputs(), train.targets());
            if (!Double.isFinite(after)) {
              throw new BadInputException(spec.file() + ": training diverged: the loss over the"
                  + " data became " + after + " after epoch " + summary.epoch() + "; try a"
                  + " smaller learningRate or scaled inputs");
            }
            entry.put("loss", after);
            if (validation != null) {
              entry.put("validationLoss", summary.validationLoss());
              if (classes) {
                entry.put("validationAccuracy", summary.metric(Metrics.accuracy().name()));
              }
            }
          }
        });
    if (validation != null) {
      trainer.validation(validation);
      if (classes) {
        trainer.metric(Metrics.accuracy());
      }
    }
    if (checkpoint != null) {
      trainer.listener(Checkpointing.every(1, CheckpointFile.writer(checkpoint)));
    }
    EarlyStopping stopper = null;
    if (settings.earlyStopping() != null) {
      if (validation == null) {
        throw spec.earlyStoppingWithoutValidation();
      }
      stopper = settings.earlyStopping().listener();
      trainer.listener(stopper);
    }
    TrainingHistory trained;
    try {
      trained = trainer.build().fit(network, train);
    } catch (TrainingDivergedException e) {
      throw new BadInputException(spec.file() + ": training diverged: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      if (checkpoint == null) {
        throw e;
      }
      // The reason names the file inside ("checkpoint after epoch 2 failed: FILE: ..."): name
      // it once, first.
      String reason = e.getMessage().replace(checkpoint + ": ", "");
      throw new BadInputException(checkpoint + ": " + reason, e);
    }
    // The network's last weights are the last epoch's, or the best epoch's if they were put back.
    int finalEpoch = history.size();
    if (stopper != null) {
      ObjectNode stopped = result.putObject("earlyStopping");
      stopped.put("stopped", trained.stoppedEarly());
      stopped.put("bestEpoch", stopper.bestEpoch());
      if (settings.earlyStopping().restoreBestWeights() && stopper.bestEpoch() > 0) {
        finalEpoch = stopper.bestEpoch();
      }
    }
    result.put("finalLoss", finalEpoch == 0
        ? initial : history.get(finalEpoch - 1).get("loss").doubleValue());
    return result;
  }
}
