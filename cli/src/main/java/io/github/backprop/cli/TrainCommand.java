package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import io.github.backprop.train.EarlyStopping;
import io.github.backprop.train.EpochSummary;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingDivergedException;
import io.github.backprop.train.TrainingHistory;
import io.github.backprop.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code train SPEC [--save FILE] [--model FILE]}: trains the spec's network on its data and
 * prints {@code {"initialLoss": L0, "history": [{"epoch": 1, "loss": L1}, ...], "finalLoss": Ln,
 * "network": {...}}}, where every loss is the mean over all of the training data (each epoch's
 * after that epoch's updates). With validation data, each epoch also reports
 * {@code validationLoss}, and {@code validationAccuracy} when the targets are classes. With
 * early stopping, {@code "earlyStopping": {"stopped": ..., "bestEpoch": ...}} tells how it
 * ended, and when the best epoch's weights are put back, {@code finalLoss} and the network are
 * that epoch's.
 *
 * <p>{@code --model FILE} starts from a saved model's network and weights instead of the spec's
 * (a network in the spec must then have the same architecture); the optimizer starts afresh.
 * {@code --save FILE} writes the spec with the trained weights as a model, atomically.
 */
final class TrainCommand implements Command {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String arguments() {
    return "SPEC [--save FILE] [--model FILE]";
  }

  @Override
  public String summary() {
    return "trains the network, printing the loss per epoch and the trained weights;"
        + " --save FILE writes the trained model (a spec), --model FILE starts from one";
  }

  @Override
  public void run(List<String> args, Context context) throws IOException {
    Arguments a = Arguments.parse(this, args, List.of("SPEC"), Set.of("--save", "--model"));
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
    ObjectNode result;
    try {
      result = train(spec, network, loss, data);
    } catch (IllegalArgumentException e) {
      throw spec.lossRejected(e);
    }
    result.set("network", NetworkSpec.toJson(network, data.classes()));
    String saveFile = a.option("--save");
    if (saveFile != null) {
      ModelFile.save(Path.of(saveFile), spec, network, data.classes());
    }
    context.out().print(Json.write(result));
  }

  private ObjectNode train(Spec spec, Network network, Loss loss, LoadedData data) {
    Dataset train = data.train();
    Dataset validation = data.validation();
    boolean classes = validation != null && Classes.isClassification(validation.targets());
    ObjectNode result = Json.object();
    double initial = Gradients.meanLoss(network, loss, train.inputs(), train.targets());
    result.put("initialLoss", initial);
    ArrayNode history = result.putArray("history");
    Spec.Training settings = spec.training();
    Trainer.Builder trainer = settings.applyTo(Trainer.builder(), spec.seed())
        .loss(loss)
        .optimizer(spec.optimizer(name()))
        .epochs(settings.epochs())
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
