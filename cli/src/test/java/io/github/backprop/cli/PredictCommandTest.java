package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir Path dir;

  @Test
  void predict_inlineRows_printsTheForwardPass() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    JsonNode out = Cli.run("predict", model.toString(), "[[0.05, 0.10], [1, 2]]").json();
    Reference ref = new Reference(
        new double[][][] {{{0.15, 0.20}, {0.25, 0.30}}, {{0.40, 0.45}, {0.50, 0.55}}},
        new double[][] {{0.35, 0.35}, {0.60, 0.60}});
    double[][] rows = {{0.05, 0.10}, {1, 2}};
    for (int r = 0; r < 2; r++) {
      double[] expected = ref.forward(rows[r])[2];
      for (int j = 0; j < 2; j++) {
        assertEquals(expected[j], out.get("outputs").get(r).get(j).doubleValue(), 1e-15);
      }
    }
    assertFalse(out.has("predicted"), "squared_error without classes is not a classifier");
  }

  @Test
  void predict_jsonFileAndCsvFile_giveTheSameAsInline() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    JsonNode inline = Cli.run("predict", model.toString(), "[[0.05, 0.10], [1, 2]]").json();
    Path json = Cli.write(dir, "in.json", "[[0.05, 0.10], [1, 2]]");
    Path csv = Cli.write(dir, "in.csv", "a,b\n0.05,0.10\n1,2\n");
    assertEquals(inline, Cli.run("predict", model.toString(), json.toString()).json());
    assertEquals(inline, Cli.run("predict", model.toString(), csv.toString()).json());
  }

  @Test
  void predict_savedClassifier_namesTheClassesAndSkipsTargetColumns() {
    Path data = Cli.write(dir, "train.csv", "x,label\n0,low\n0.1,low\n0.9,high\n1,high\n");
    Path spec = Cli.write(dir, "spec.json", """
        {"format": 1, "seed": 1,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "sigmoid",
           "weights": [[-8], [8]], "bias": [4, -4]}]},
         "loss": "squared_error", "optimizer": {"name": "sgd", "learningRate": 0.1},
         "data": {"csv": "train.csv", "targets": "label", "oneHot": true},
         "training": {"epochs": 1}}
        """);
    Path model = dir.resolve("model.json");
    Cli.run("train", spec.toString(), "--save", model.toString()).json();
    // classes sort as [high, low]: unit 0 is "high", which the weight -8 makes large near 0.
    JsonNode out = Cli.run("predict", model.toString(), data.toString()).json();
    assertEquals("[\"high\",\"high\",\"low\",\"low\"]", out.get("predicted").toString());
    assertEquals(4, out.get("outputs").size());
  }

  /** Trains a 2-3-3 classifier on a CSV with columns x1, label, x2 and saves it. */
  private Path modelTrainedOnCsv() {
    Cli.write(dir, "train.csv", """
        x1,label,x2
        0.1,b,0.9
        0.8,a,0.2
        0.5,c,0.5
        0.2,b,0.7
        """);
    Path spec = Cli.write(dir, "spec.json", """
        {"format": 1, "seed": 5,
         "network": {"inputs": 2, "layers": [
           {"units": 3, "activation": "tanh"}, {"units": 3, "activation": "softmax"}]},
         "loss": "cross_entropy", "optimizer": {"name": "sgd", "learningRate": 0.5},
         "data": {"csv": "train.csv", "targets": "label", "oneHot": true},
         "training": {"epochs": 3, "batchSize": 2}}
        """);
    Path model = dir.resolve("model.json");
    Cli.run("train", spec.toString(), "--save", model.toString()).json();
    return model;
  }

  @Test
  void predict_modelTrainedOnCsv_readsItsInputColumnsByName() {
    Path model = modelTrainedOnCsv();
    assertEquals("[\"x1\",\"x2\"]",
        Json.read(model).get("network").get("inputColumns").toString());
    JsonNode inOrder = Cli.run("predict", model.toString(), "[[0.3, 0.6], [0.9, 0.05]]").json();
    // the columns swapped, and one the model does not read
    Path swapped = Cli.write(dir, "swapped.csv", "x2,note,x1\n0.6,p,0.3\n0.05,q,0.9\n");
    assertEquals(inOrder, Cli.run("predict", model.toString(), swapped.toString()).json());
  }

  @Test
  void predict_csvWithoutAnInputColumnOfTheModel_isRejectedNamingIt() {
    Path model = modelTrainedOnCsv();
    Path renamed = Cli.write(dir, "renamed.csv", "x1,y2\n0.3,0.6\n");
    assertEquals(renamed + ": no column 'x2', an input of the model (network.inputColumns [x1,"
        + " x2]); the file has [x1, y2]",
        Cli.run("predict", model.toString(), renamed.toString()).error());
  }

  @Test
  void predict_untrainedSpec_isRejected_ratherThanPredictingWithRandomWeights() {
    Path spec = Cli.write(dir, "s.json", Cli.MAZUR.replace(
        "\"weights\": [[0.40, 0.45], [0.50, 0.55]], \"bias\": [0.60, 0.60]",
        "\"init\": \"xavier_uniform\""));
    assertEquals(spec + ": network.layers[1].weights: missing; predict needs a trained model,"
        + " with every weight and bias written out (train --save writes one)",
        Cli.run("predict", spec.toString(), "[[0.05, 0.10]]").error());
  }

  @Test
  void predict_outputsThatOverflow_areRejected() {
    // identity layers, an output weight of 1e308: 1e308 * 3.85 + 1e308 * 5.85 overflows
    Path model = Cli.write(dir, "m.json", Cli.MAZUR.replace("sigmoid", "identity")
        .replace("[[0.40, 0.45], [0.50, 0.55]]", "[[1e308, 1e308], [0.50, 0.55]]"));
    String error = Cli.run("predict", model.toString(), "[[10, 10]]").error();
    assertTrue(error.startsWith("INPUT: row 1: the model's outputs are [Infinity, 5.74"), error);
    assertTrue(error.endsWith("], which are not all finite numbers (the input is far outside"
        + " what the model was trained on?)"), error);
  }

  @Test
  void predict_savedModel_computesTheTrainedNetworksForwardPass() {
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR.replace("\"epochs\": 1", "\"epochs\": 5"));
    Path model = dir.resolve("model.json");
    JsonNode trained = Cli.run("train", spec.toString(), "--save", model.toString()).json();
    Reference ref = GradientsCommandTest.referenceOf(trained);
    JsonNode out = Cli.run("predict", model.toString(), "[[0.05, 0.10]]").json();
    double[] expected = ref.forward(new double[] {0.05, 0.10})[2];
    for (int j = 0; j < 2; j++) {
      assertEquals(expected[j], out.get("outputs").get(0).get(j).doubleValue(), 1e-15);
    }
  }

  @Test
  void predict_wrongWidth_isRejected() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    assertEquals("INPUT: rows have 3 values but the model's network.inputs is 2",
        Cli.run("predict", model.toString(), "[[1, 2, 3]]").error());
  }

  @Test
  void predict_raggedInlineRows_nameTheRow() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    assertEquals("INPUT: [1]: expected 2 values as in the first row, got 1",
        Cli.run("predict", model.toString(), "[[1, 2], [3]]").error());
  }

  @Test
  void predict_malformedInlineJson_givesLineAndColumn() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    String error = Cli.run("predict", model.toString(), "[[1, 2]").error();
    assertTrue(error.startsWith("INPUT:1:8: Unexpected end-of-input"), error);
  }

  @Test
  void predict_badCsvValue_namesFileLineAndColumn() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    Path csv = Cli.write(dir, "in.csv", "a,b\n0.05,0.10\n1,Infinity\n");
    assertEquals(csv + ":3: column 'b': expected a finite number, got 'Infinity'",
        Cli.run("predict", model.toString(), csv.toString()).error());
  }

  @Test
  void predict_missingInputFile_isNamed() {
    Path model = Cli.write(dir, "m.json", Cli.MAZUR);
    Path csv = dir.resolve("none.csv");
    assertEquals(csv + ": no such file",
        Cli.run("predict", model.toString(), csv.toString()).error());
  }
}
