package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data} as a CSV file: paths, target columns, one-hot classes, validation sets. */
class CsvDataTest {
  @TempDir Path dir;

  /** Two features, a class column in the middle; classes sort as a, b, c. */
  private static final String TRAIN_CSV = """
      x1,label,x2
      0.1,b,0.9
      0.8,a,0.2
      0.5,c,0.5
      0.2,b,0.7
      0.9,a,0.1
      0.4,c,0.6
      """;

  private static final String SPEC = """
      {"format": 1, "seed": 5,
       "network": {"inputs": 2, "layers": [
         {"units": 4, "activation": "sigmoid"}, {"units": 3, "activation": "sigmoid"}]},
       "loss": "squared_error",
       "optimizer": {"name": "sgd", "learningRate": 0.5},
       "data": %s,
       "training": {"epochs": 2, "batchSize": 4}}
      """;

  private Path spec(String data) {
    return Cli.write(dir, "specs/spec.json", SPEC.formatted(data));
  }

  @Test
  void csv_relativeToSpecFile_trainsLikeTheSameRowsInline() {
    Cli.write(dir, "specs/data/train.csv", TRAIN_CSV);
    JsonNode fromCsv = Cli.run("train", spec("""
        {"csv": "data/train.csv", "targets": ["label"], "oneHot": true}""").toString()).json();
    // The same rows inline: features in header order, classes one-hot in sorted order a, b, c.
    Path inline = Cli.write(dir, "inline.json", SPEC.formatted("""
        {"inputs": [[0.1, 0.9], [0.8, 0.2], [0.5, 0.5], [0.2, 0.7], [0.9, 0.1], [0.4, 0.6]],
         "targets": [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1]]}"""));
    JsonNode fromInline = Cli.run("train", inline.toString()).json();
    assertEquals(fromInline.get("history"), fromCsv.get("history"));
    assertEquals(fromInline.get("network").get("layers"), fromCsv.get("network").get("layers"));
    assertEquals("[\"a\",\"b\",\"c\"]", fromCsv.get("network").get("classes").toString());
  }

  @Test
  void csv_targetsAsString_isOneColumn() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    JsonNode asList = Cli.run("train", spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""").toString()).json();
    JsonNode asString = Cli.run("train", spec("""
        {"csv": "train.csv", "targets": "label", "oneHot": true}""").toString()).json();
    assertEquals(asList, asString);
  }

  @Test
  void csv_numericTargets_areUsedAsTheyAre() {
    Cli.write(dir, "specs/r.csv", "a,b,y1,y2,y3\n0.1,0.2,0,1,0.5\n0.3,0.4,1,0,0.25\n");
    JsonNode out = Cli.run("gradients", spec("""
        {"csv": "r.csv", "targets": ["y1", "y2", "y3"]}""").toString()).json();
    assertTrue(out.get("loss").doubleValue() > 0);
  }

  @Test
  void validation_reportsLossAndAccuracyPerEpoch() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Cli.write(dir, "specs/valid.csv", "x1,label,x2\n0.85,a,0.15\n0.15,b,0.8\n0.45,c,0.55\n");
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true,
         "validation": {"csv": "valid.csv"}}""");
    JsonNode out = Cli.run("train", file.toString()).json();
    JsonNode history = out.get("history");
    assertEquals(2, history.size());
    // The validation loss after the last epoch equals gradients' loss on the validation rows
    // with the trained weights.
    Path trained = dir.resolve("specs/trained.json");
    Cli.run("train", file.toString(), "--save", trained.toString()).json();
    Path check = Cli.write(dir, "specs/check.json", Json.write(Json.read(trained))
        .replace("\"csv\": \"train.csv\"", "\"csv\": \"valid.csv\""));
    double validationLoss = Cli.run("gradients", check.toString()).json().get("loss")
        .doubleValue();
    assertEquals(validationLoss, history.get(1).get("validationLoss").doubleValue(), 1e-15);
    double accuracy = history.get(1).get("validationAccuracy").doubleValue();
    assertTrue(accuracy == 0 || accuracy == 1.0 / 3 || accuracy == 2.0 / 3 || accuracy == 1,
        "accuracy of three rows: " + accuracy);
  }

  @Test
  void validation_csvWithColumnsInAnotherOrder_isReadByName() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Cli.write(dir, "specs/valid.csv", "x1,label,x2\n0.85,a,0.15\n0.15,b,0.8\n");
    Cli.write(dir, "specs/swapped.csv", "label,x2,x1\na,0.15,0.85\nb,0.8,0.15\n");
    String data = """
        {"csv": "train.csv", "targets": ["label"], "oneHot": true,
         "validation": {"csv": "%s"}}""";
    JsonNode inOrder = Cli.run("train", spec(data.formatted("valid.csv")).toString()).json();
    JsonNode swapped = Cli.run("train", spec(data.formatted("swapped.csv")).toString()).json();
    assertEquals(inOrder.get("history"), swapped.get("history"));
  }

  @Test
  void validation_csvWithoutAnInputColumnOfTheTrainingFile_isRejected() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Cli.write(dir, "specs/valid.csv", "x1,label,z\n0.85,a,0.15\n");
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true,
         "validation": {"csv": "valid.csv"}}""");
    assertEquals(file + ": data.validation.csv: " + dir.resolve("specs/valid.csv") + " has input"
        + " columns [x1, z] but the network reads [x1, x2] (the input columns of the training"
        + " file)", Cli.run("train", file.toString()).error());
  }

  @Test
  void validation_accuracyIsShareOfRowsWithLargestOutputOnTheTarget() {
    // A network with given weights whose predictions are known: output = sigmoid(x W^T + b).
    Path file = Cli.write(dir, "v.json", """
        {"format": 1,
         "network": {"inputs": 2, "layers": [{"units": 2, "activation": "sigmoid",
           "weights": [[10, 0], [0, 10]], "bias": [0, 0]}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 1e-9},
         "data": {"inputs": [[1, 0]], "targets": [[1, 0]],
                  "validation": {"inputs": [[1, 0], [0, 1], [1, 0], [0.9, 0.1]],
                                 "targets": [[1, 0], [1, 0], [0, 1], [1, 0]]}},
         "training": {"epochs": 1}}
        """);
    JsonNode epoch = Cli.run("train", file.toString()).json().get("history").get(0);
    assertEquals(0.5, epoch.get("validationAccuracy").doubleValue());
  }

  @Test
  void csvValidation_forInlineTrainingData_usesItsOwnSortedClasses() {
    Cli.write(dir, "specs/valid.csv", "x1,label,x2\n0.85,c,0.15\n0.15,a,0.8\n0.45,b,0.55\n");
    Path file = spec("""
        {"inputs": [[0.1, 0.9]], "targets": [[0, 1, 0]],
         "validation": {"csv": "valid.csv", "targets": "label", "oneHot": true}}""");
    Path same = Cli.write(dir, "specs/same.json", SPEC.formatted("""
        {"inputs": [[0.1, 0.9]], "targets": [[0, 1, 0]],
         "validation": {"inputs": [[0.85, 0.15], [0.15, 0.8], [0.45, 0.55]],
                        "targets": [[0, 0, 1], [1, 0, 0], [0, 1, 0]]}}"""));
    assertEquals(Cli.run("train", same.toString()).json().get("history"),
        Cli.run("train", file.toString()).json().get("history"));
  }

  @Test
  void validation_withRegressionTargets_reportsLossOnly() {
    Path file = Cli.write(dir, "v.json", """
        {"format": 1,
         "network": {"inputs": 1, "layers": [{"units": 1, "activation": "sigmoid"}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 0.1},
         "data": {"inputs": [[1]], "targets": [[0.3]],
                  "validation": {"inputs": [[2]], "targets": [[0.7]]}}}
        """);
    JsonNode epoch = Cli.run("train", file.toString()).json().get("history").get(0);
    assertTrue(epoch.has("validationLoss"));
    assertFalse(epoch.has("validationAccuracy"));
  }

  @Test
  void save_rewritesCsvPathsRelativeToTheModel() {
    Cli.write(dir, "specs/data/train.csv", TRAIN_CSV);
    Path file = spec("""
        {"csv": "data/train.csv", "targets": ["label"], "oneHot": true}""");
    Path model = dir.resolve("models/m.json");
    Cli.write(dir, "models/.keep", "");
    Cli.run("train", file.toString(), "--save", model.toString()).json();
    assertEquals("../specs/data/train.csv", Json.read(model).get("data").get("csv").textValue());
    // The model finds its data again from its own directory.
    assertEquals(Main.OK, Cli.run("gradients", model.toString()).status());
  }

  @Test
  void model_withClasses_mapsValidationLabelsToTheModelsColumns() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Path model = dir.resolve("specs/m.json");
    Cli.run("train", spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""").toString(),
        "--save", model.toString()).json();
    // Only class c here: on its own it would be column 0; the model puts c in column 2.
    Cli.write(dir, "specs/only_c.csv", "x1,label,x2\n0.5,c,0.5\n");
    Path onlyC = Cli.write(dir, "specs/c.json", Json.write(Json.read(model))
        .replace("\"train.csv\"", "\"only_c.csv\""));
    JsonNode gradients = Cli.run("gradients", onlyC.toString()).json();
    JsonNode predicted = Cli.run("predict", model.toString(), "[[0.5, 0.5]]").json();
    double[] out = new double[3];
    for (int k = 0; k < 3; k++) {
      out[k] = predicted.get("outputs").get(0).get(k).doubleValue();
    }
    double expected = 0.5 * (out[0] * out[0] + out[1] * out[1] + (1 - out[2]) * (1 - out[2]));
    assertEquals(expected, gradients.get("loss").doubleValue(), 1e-15);
  }

  @Test
  void labelNotAmongModelClasses_namesFileAndLine() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Path model = dir.resolve("specs/m.json");
    Cli.run("train", spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""").toString(),
        "--save", model.toString()).json();
    Cli.write(dir, "specs/other.csv", "x1,label,x2\n0.5,a,0.5\n0.5,d,0.5\n");
    Path other = Cli.write(dir, "specs/o.json", Json.write(Json.read(model))
        .replace("\"train.csv\"", "\"other.csv\""));
    assertEquals(dir.resolve("specs/other.csv") + ":3: class 'd' is not one of the network's"
        + " classes [a, b, c]", Cli.run("gradients", other.toString()).error());
  }

  @Test
  void missingCsvFile_namesTheJsonPathAndTheFile() {
    Path file = spec("""
        {"csv": "missing.csv", "targets": ["label"]}""");
    assertEquals(file + ": data.csv: cannot read " + dir.resolve("specs/missing.csv")
        + ": no such file", Cli.run("train", file.toString()).error());
  }

  @Test
  void badCsvValue_namesFileAndLine() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV.replace("0.5,c,0.5", "0.5,c,abc"));
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    assertEquals(dir.resolve("specs/train.csv") + ":4: column 'x2': expected a number, got"
        + " 'abc'", Cli.run("train", file.toString()).error());
  }

  @Test
  void nonFiniteCsvValue_namesFileAndLine() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV.replace("0.8,a,0.2", "NaN,a,0.2"));
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    assertEquals(dir.resolve("specs/train.csv") + ":3: column 'x1': expected a finite number,"
        + " got 'NaN'", Cli.run("train", file.toString()).error());
  }

  @Test
  void raggedCsvRow_namesFileAndLine() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV.replace("0.2,b,0.7", "0.2,b"));
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    String error = Cli.run("train", file.toString()).error();
    assertTrue(error.startsWith(dir.resolve("specs/train.csv") + ":5: "), error);
  }

  @Test
  void csvWithHeaderOnly_isAnEmptyDataSet() {
    Cli.write(dir, "specs/train.csv", "x1,label,x2\n");
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    String error = Cli.run("train", file.toString()).error();
    assertTrue(error.startsWith(dir.resolve("specs/train.csv").toString()), error);
  }

  @Test
  void unknownTargetColumn_suggestsTheClosest() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV);
    Path file = spec("""
        {"csv": "train.csv", "targets": ["lable"], "oneHot": true}""");
    String error = Cli.run("train", file.toString()).error();
    assertTrue(error.contains("no column named 'lable'") && error.contains("'label'"), error);
  }

  @Test
  void csvTargetsTheLossRejects_nameTheFile() {
    Cli.write(dir, "specs/b.csv", "x1,x2,y1,y2,y3\n0.1,0.2,0,1,0\n0.3,0.4,2,0,1\n");
    Path file = Cli.write(dir, "specs/spec.json", SPEC.formatted("""
        {"csv": "b.csv", "targets": ["y1", "y2", "y3"]}""")
        .replace("\"squared_error\"", "\"binary_cross_entropy\""));
    assertEquals(file + ": data.csv (" + dir.resolve("specs/b.csv") + ") targets: row 1, column 0"
            + " is 2.0, but binary_cross_entropy targets must lie in [0, 1]",
        Cli.run("gradients", file.toString()).error());
  }

  @Test
  void classCountNotMatchingOutputLayer_isRejected() {
    Cli.write(dir, "specs/train.csv", TRAIN_CSV.replace(",c,", ",b,"));
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    assertEquals(file + ": data.csv: " + dir.resolve("specs/train.csv") + " has 2 classes [a, b]"
            + " in column 'label' but the output layer network.layers[1] has 3 units",
        Cli.run("train", file.toString()).error());
  }

  @Test
  void featureCountNotMatchingInputs_isRejected() {
    Cli.write(dir, "specs/train.csv", "x1,label,x2,x3\n0.1,a,0.2,0.3\n");
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "oneHot": true}""");
    assertEquals(file + ": data.csv: " + dir.resolve("specs/train.csv") + " has 3 input columns"
        + " [x1, x2, x3] but network.inputs is 2", Cli.run("train", file.toString()).error());
  }

  @Test
  void oneHotWithSeveralTargets_isRejected() {
    Path file = spec("""
        {"csv": "train.csv", "targets": ["a", "b"], "oneHot": true}""");
    assertEquals(file + ": data.oneHot: oneHot needs exactly one target column holding the class"
        + " labels, got 2", Cli.run("train", file.toString()).error());
  }

  @Test
  void csvAndInlineMixed_isRejected() {
    Path file = spec("""
        {"csv": "train.csv", "targets": ["label"], "inputs": [[1, 2]]}""");
    assertEquals(file + ": data.inputs: unknown field; known fields here: csv, targets, oneHot,"
        + " validation", Cli.run("train", file.toString()).error());
  }

  @Test
  void nestedValidation_isRejected() {
    Path file = spec("""
        {"inputs": [[1, 2]], "targets": [[1, 0, 0]],
         "validation": {"inputs": [[1, 2]], "targets": [[1, 0, 0]],
                        "validation": {"inputs": [[1, 2]], "targets": [[1, 0, 0]]}}}""");
    assertEquals(file + ": data.validation.validation: unknown field; known fields here: inputs,"
        + " targets", Cli.run("train", file.toString()).error());
  }
}
