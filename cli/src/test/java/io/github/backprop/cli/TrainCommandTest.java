package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path dir;

  /** 2-3-1 on five rows: batches of 2 leave a short last batch of 1. */
  private static final String FIVE_ROWS = """
      {"format": 1, "seed": 3,
       "network": {"inputs": 2, "layers": [
         {"units": 3, "activation": "sigmoid",
          "weights": [[0.1, -0.2], [0.4, 0.3], [-0.5, 0.25]], "bias": [0.05, -0.1, 0.2]},
         {"units": 1, "activation": "sigmoid", "weights": [[0.3, -0.6, 0.9]], "bias": [0.1]}]},
       "loss": "squared_error",
       "optimizer": {"name": "sgd", "learningRate": 0.7},
       "data": {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]],
                "targets": [[0], [1], [1], [0], [1]]},
       "training": {"epochs": 3, "batchSize": 2}}
      """;
  private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}};
  private static final double[][] Y = {{0}, {1}, {1}, {0}, {1}};

  private static Reference fiveRowsReference() {
    return new Reference(
        new double[][][] {{{0.1, -0.2}, {0.4, 0.3}, {-0.5, 0.25}}, {{0.3, -0.6, 0.9}}},
        new double[][] {{0.05, -0.1, 0.2}, {0.1}});
  }

  @Test
  void train_mazurExample_oneStepGivesPublishedWeights() {
    JsonNode layers = Cli.run("train", Cli.write(dir, "m.json", Cli.MAZUR).toString()).json()
        .get("network").get("layers");
    JsonNode hidden = layers.get(0).get("weights");
    JsonNode output = layers.get(1).get("weights");
    // Mazur's updated weights; his example leaves biases alone, ours moves them, which does not
    // change the weights after this first step.
    assertEquals(0.149780716, hidden.get(0).get(0).doubleValue(), 5e-10);  // w1
    assertEquals(0.19956143, hidden.get(0).get(1).doubleValue(), 5e-9);    // w2
    assertEquals(0.24975114, hidden.get(1).get(0).doubleValue(), 5e-9);    // w3
    assertEquals(0.29950229, hidden.get(1).get(1).doubleValue(), 5e-9);    // w4
    assertEquals(0.35891648, output.get(0).get(0).doubleValue(), 5e-9);    // w5
    assertEquals(0.408666186, output.get(0).get(1).doubleValue(), 5e-10);  // w6
    assertEquals(0.511301270, output.get(1).get(0).doubleValue(), 5e-10);  // w7
    assertEquals(0.561370121, output.get(1).get(1).doubleValue(), 5e-10);  // w8
  }

  @Test
  void train_shortLastBatch_lossesAreMeansOverAllDataAfterEachEpoch() {
    JsonNode out = Cli.run("train", Cli.write(dir, "s.json", FIVE_ROWS).toString()).json();
    Reference ref = fiveRowsReference();
    assertEquals(ref.meanLoss(X, Y), out.get("initialLoss").doubleValue(), 1e-15);
    JsonNode history = out.get("history");
    assertEquals(3, history.size());
    for (int epoch = 1; epoch <= 3; epoch++) {
      ref.sgdEpoch(X, Y, 2, 0.7);
      assertEquals(epoch, history.get(epoch - 1).get("epoch").intValue());
      assertEquals(ref.meanLoss(X, Y), history.get(epoch - 1).get("loss").doubleValue(), 1e-14);
    }
    assertEquals(history.get(2).get("loss").doubleValue(), out.get("finalLoss").doubleValue());
    assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void train_batchLargerThanData_takesOneShortBatch() {
    Path file = Cli.write(dir, "s.json", FIVE_ROWS.replace("\"batchSize\": 2",
        "\"batchSize\": 100"));
    JsonNode out = Cli.run("train", file.toString()).json();
    Reference ref = fiveRowsReference();
    for (int epoch = 0; epoch < 3; epoch++) {
      ref.sgdEpoch(X, Y, 5, 0.7);
    }
    assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void train_zeroEpochs_historyEmptyAndFinalLossIsInitial() {
    Path file = Cli.write(dir, "s.json", FIVE_ROWS.replace("\"epochs\": 3", "\"epochs\": 0"));
    JsonNode out = Cli.run("train", file.toString()).json();
    assertEquals(0, out.get("history").size());
    assertEquals(out.get("initialLoss").doubleValue(), out.get("finalLoss").doubleValue());
    assertWeights(fiveRowsReference(), out.get("network"), 0);
  }

  @Test
  void train_output_hasContractFieldsInOrder() {
    JsonNode out = Cli.run("train", Cli.write(dir, "s.json", FIVE_ROWS).toString()).json();
    assertEquals(List.of("initialLoss", "history", "finalLoss", "network"), fieldNames(out));
    JsonNode layer = out.get("network").get("layers").get(1);
    assertEquals(List.of("units", "activation", "weights", "bias"), fieldNames(layer));
    assertEquals(2, out.get("network").get("inputs").intValue());
    assertEquals(1, layer.get("units").intValue());
    assertEquals("sigmoid", layer.get("activation").textValue());
  }

  @Test
  void train_shuffleOff_byDefault() {
    String noShuffleField = FIVE_ROWS;
    String explicitOff = FIVE_ROWS.replace("\"batchSize\": 2",
        "\"batchSize\": 2, \"shuffle\": false");
    assertEquals(
        Cli.run("train", Cli.write(dir, "a.json", noShuffleField).toString()).json(),
        Cli.run("train", Cli.write(dir, "b.json", explicitOff).toString()).json());
  }

  @Test
  void train_shuffleOn_isSeededAndChangesTheOrder() {
    String shuffled = FIVE_ROWS.replace("\"batchSize\": 2", "\"batchSize\": 2, \"shuffle\": true");
    JsonNode first = Cli.run("train", Cli.write(dir, "a.json", shuffled).toString()).json();
    JsonNode again = Cli.run("train", Cli.write(dir, "b.json", shuffled).toString()).json();
    JsonNode inOrder = Cli.run("train", Cli.write(dir, "c.json", FIVE_ROWS).toString()).json();
    JsonNode otherSeed = Cli.run("train", Cli.write(dir, "d.json",
        shuffled.replace("\"seed\": 3", "\"seed\": 4")).toString()).json();
    assertEquals(first, again);
    assertNotEquals(inOrder.get("network"), first.get("network"));
    assertNotEquals(first.get("network"), otherSeed.get("network"));
  }

  @Test
  void train_save_writesSpecWithTrainedWeightsThatReadsBackAsSpec() throws IOException {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS);
    Path model = dir.resolve("model.json");
    JsonNode out = Cli.run("train", spec.toString(), "--save", model.toString()).json();
    JsonNode saved = Json.read(model);
    assertEquals(List.of("format", "seed", "network", "loss", "optimizer", "data", "training"),
        fieldNames(saved));
    assertEquals(1, saved.get("format").intValue());
    assertEquals(out.get("network"), saved.get("network"));
    assertEquals(Json.read(spec).get("data"), saved.get("data"));
    // A saved model's loss is where training left off.
    JsonNode again = Cli.run("train", model.toString()).json();
    assertEquals(out.get("finalLoss").doubleValue(), again.get("initialLoss").doubleValue());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("model.json", "s.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
    }
  }

  @Test
  void savedModel_isAcceptedAsSpecByEveryCommand() {
    Path model = dir.resolve("model.json");
    Cli.run("train", Cli.write(dir, "s.json", FIVE_ROWS).toString(), "--save", model.toString())
        .json();
    for (String command : new String[] {"gradients", "train", "trace", "graph"}) {
      Cli.Result result = Cli.run(command, model.toString());
      assertEquals(Main.OK, result.status(), command + ": " + result.err());
    }
    assertEquals(Main.OK, Cli.run("predict", model.toString(), "[[0, 1]]").status());
  }

  @Test
  void train_save_replacesAnExistingModel() throws IOException {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS);
    Path model = Cli.write(dir, "model.json", "old contents");
    Cli.run("train", spec.toString(), "--save", model.toString()).json();
    assertEquals(1, Json.read(model).get("format").intValue());
  }

  @Test
  void train_saveIntoMissingDirectory_failsWithoutWriting() {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS);
    Path model = dir.resolve("no/such/dir/model.json");
    String error = Cli.run("train", spec.toString(), "--save", model.toString()).error();
    assertTrue(error.startsWith(model + ": cannot save the model: the directory "), error);
    assertFalse(Files.exists(model));
  }

  @Test
  void train_model_continuesFromSavedWeights() {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS.replace("\"epochs\": 3", "\"epochs\": 1"));
    Path model = dir.resolve("model.json");
    Cli.run("train", spec.toString(), "--save", model.toString()).json();
    JsonNode continued = Cli.run("train", spec.toString(), "--model", model.toString()).json();
    Path twice = Cli.write(dir, "t.json", FIVE_ROWS.replace("\"epochs\": 3", "\"epochs\": 2"));
    JsonNode straight = Cli.run("train", twice.toString()).json();
    // sgd keeps no state, so one epoch then one more is exactly two epochs.
    assertEquals(straight.get("network"), continued.get("network"));
    assertEquals(straight.get("history").get(1).get("loss"),
        continued.get("history").get(0).get("loss"));
  }

  @Test
  void train_modelThatIsNotTrained_isRejected() {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS);
    Path untrained = Cli.write(dir, "m.json", FIVE_ROWS.replace(
        "\"weights\": [[0.3, -0.6, 0.9]], \"bias\": [0.1]", "\"init\": \"zeros\""));
    assertEquals(untrained + ": network.layers[1].weights: missing; train --model needs a"
        + " trained model, with every weight and bias written out (train --save writes one)",
        Cli.run("train", spec.toString(), "--model", untrained.toString()).error());
  }

  @Test
  void train_lossThatOverflowsBeforeTraining_isRejected() {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS.replace("[[0.3, -0.6, 0.9]]",
        "[[1e308, 1e308, 1e308]]").replace("\"activation\": \"sigmoid\", \"weights\": [[1e308",
        "\"activation\": \"identity\", \"weights\": [[1e308"));
    assertEquals(spec + ": before training, the loss over the data is Infinity at the network's"
        + " weights: they or the inputs are too large (an overflow); try smaller weights or"
        + " scaled inputs", Cli.run("train", spec.toString()).error());
  }

  @Test
  void train_modelWithOtherArchitecture_isRejected() {
    Path spec = Cli.write(dir, "s.json", FIVE_ROWS);
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    assertEquals(spec + ": network: does not match the model " + model
            + ": layers[0] has 2 units there, 3 here",
        Cli.run("train", spec.toString(), "--model", model.toString()).error());
  }

  @Test
  void train_modelWithSpecWithoutNetwork_usesModelNetwork() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    Path spec = Cli.write(dir, "s.json", """
        {"format": 1, "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 0.5},
         "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]},
         "training": {"epochs": 1, "batchSize": 1}}
        """);
    assertEquals(Cli.run("train", model.toString()).json(),
        Cli.run("train", spec.toString(), "--model", model.toString()).json());
  }

  /** Trains FIVE_ROWS with these fields added to its {@code training}. */
  private JsonNode trainFiveRowsWith(String fields) {
    return Cli.run("train", Cli.write(dir, "s.json", FIVE_ROWS.replace("\"batchSize\": 2",
        "\"batchSize\": 2, " + fields)).toString()).json();
  }

  @Test
  void train_stepSchedule_setsEachEpochsLearningRate() {
    JsonNode out = trainFiveRowsWith("\"schedule\": {\"name\": \"step\", \"stepSize\": 2,"
        + " \"gamma\": 0.5}");
    // torch's StepLR: epochs 1 and 2 at 0.7, epoch 3 at 0.7 * 0.5.
    Reference ref = fiveRowsReference();
    double[] rates = {0.7, 0.7, 0.35};
    for (int epoch = 1; epoch <= 3; epoch++) {
      ref.sgdEpoch(X, Y, 2, rates[epoch - 1]);
      assertEquals(ref.meanLoss(X, Y), out.get("history").get(epoch - 1).get("loss")
          .doubleValue(), 1e-14);
    }
    assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void train_scheduleByNameAlone_takesTorchsDefaults() {
    JsonNode out = trainFiveRowsWith("\"schedule\": \"linear\"");
    // torch's LinearLR defaults: factor 1/3 rising to 1 over 5 epochs.
    Reference ref = fiveRowsReference();
    for (int epoch = 0; epoch < 3; epoch++) {
      ref.sgdEpoch(X, Y, 2, 0.7 * (1.0 / 3 + (1 - 1.0 / 3) * epoch / 5));
    }
    assertWeights(ref, out.get("network"), 1e-14);
  }

  @Test
  void train_clipGradientNorm_scalesEachBatchsGradientAsTorchDoes() {
    JsonNode out = trainFiveRowsWith("\"clipGradientNorm\": 0.05");
    Reference ref = fiveRowsReference();
    Reference unclipped = fiveRowsReference();
    for (int epoch = 1; epoch <= 3; epoch++) {
      ref.sgdEpoch(X, Y, 2, 0.7, 0.05);
      unclipped.sgdEpoch(X, Y, 2, 0.7);
    }
    assertWeights(ref, out.get("network"), 1e-14);
    assertNotEquals(unclipped.w[1][0][0], ref.w[1][0][0], 1e-6, "the limit must bite");
  }

  @Test
  void train_clipGradientValue_clampsEveryElement() {
    Path clipped = Cli.write(dir, "c.json", Cli.MAZUR.replace("\"shuffle\": false",
        "\"shuffle\": false, \"clipGradientValue\": 0.01"));
    JsonNode layers = Cli.run("train", clipped.toString()).json().get("network").get("layers");
    // Mazur's output-layer gradients are all beyond 0.01 in size: each weight moves 0.5 * 0.01.
    double[][] expected = {{0.395, 0.445}, {0.505, 0.555}};
    for (int j = 0; j < 2; j++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(expected[j][k], layers.get(1).get("weights").get(j).get(k).doubleValue(),
            1e-15);
      }
    }
    // His hidden-layer gradients are within it: w1 takes his unclipped step.
    assertEquals(0.149780716, layers.get(0).get("weights").get(0).get(0).doubleValue(), 5e-10);
  }

  @Test
  void train_earlyStopping_stopsAfterPatienceAndPutsBackTheBestEpoch() {
    // Validation targets opposite to the training ones: the validation loss is lowest early on.
    JsonNode out = Cli.run("train", Cli.write(dir, "s.json", FIVE_ROWS
        .replace("\"epochs\": 3", "\"epochs\": 50, \"earlyStopping\": {\"patience\": 3}")
        .replace("[1], [1], [0], [1]]}", "[1], [1], [0], [1]],"
            + " \"validation\": {\"inputs\": [[0, 1], [1, 1]], \"targets\": [[0], [1]]}}"))
        .toString()).json();
    double[][] vx = {{0, 1}, {1, 1}};
    double[][] vy = {{0}, {1}};
    // The oracle: plain SGD epochs, the first epoch always the best so far, an epoch better only
    // if its validation loss is lower, and a stop after 3 epochs without a better one.
    Reference ref = fiveRowsReference();
    Reference best = null;
    double bestLoss = Double.NaN;
    int bestEpoch = 0;
    int epoch = 0;
    for (int waited = 0; waited < 3 && epoch < 50; ) {
      ref.sgdEpoch(X, Y, 2, 0.7);
      epoch++;
      double validationLoss = ref.meanLoss(vx, vy);
      assertEquals(validationLoss, out.get("history").get(epoch - 1).get("validationLoss")
          .doubleValue(), 1e-14);
      if (bestEpoch == 0 || validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        best = ref.copy();
        waited = 0;
      } else {
        waited++;
      }
    }
    assertTrue(epoch < 50 && bestEpoch < epoch, "the data must make it stop early: " + epoch);
    assertEquals(epoch, out.get("history").size());
    assertEquals(true, out.get("earlyStopping").get("stopped").booleanValue());
    assertEquals(bestEpoch, out.get("earlyStopping").get("bestEpoch").intValue());
    assertWeights(best, out.get("network"), 1e-14);
    assertEquals(out.get("history").get(bestEpoch - 1).get("loss").doubleValue(),
        out.get("finalLoss").doubleValue());
  }

  @Test
  void train_earlyStoppingWithoutValidationData_isRejected() {
    Path file = Cli.write(dir, "s.json", FIVE_ROWS.replace("\"epochs\": 3",
        "\"epochs\": 3, \"earlyStopping\": {\"patience\": 2}"));
    assertEquals(file + ": training.earlyStopping: watches the validation loss, but the data has"
            + " no validation set; add one, as in \"validation\": {\"inputs\": ..., \"targets\":"
            + " ...}",
        Cli.run("train", file.toString()).error());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static void assertWeights(Reference ref, JsonNode network, double tolerance) {
    for (int l = 0; l < ref.w.length; l++) {
      JsonNode layer = network.get("layers").get(l);
      for (int j = 0; j < ref.w[l].length; j++) {
        assertEquals(ref.b[l][j], layer.get("bias").get(j).doubleValue(), tolerance);
        for (int k = 0; k < ref.w[l][j].length; k++) {
          assertEquals(ref.w[l][j][k], layer.get("weights").get(j).get(k).doubleValue(),
              tolerance);
        }
      }
    }
  }
}
