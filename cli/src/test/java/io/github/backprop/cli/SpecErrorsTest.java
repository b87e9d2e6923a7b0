package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input: exit status 2, one line on stderr naming the place (JSON path or
 * file:line:column), no stack trace.
 */
class SpecErrorsTest {
  @TempDir Path dir;

  /** Runs {@code command} on a spec made from Mazur's by one replacement; returns the error. */
  private String errorOf(String command, String target, String replacement) {
    assertTrue(Cli.MAZUR.contains(target), target);
    Path file = Cli.write(dir, "spec.json", Cli.MAZUR.replace(target, replacement));
    return Cli.run(command, file.toString()).error();
  }

  private String spec() {
    return dir.resolve("spec.json").toString();
  }

  @Test
  void malformedJson_reportsFileLineAndColumn() {
    Path file = Cli.write(dir, "bad.json", "{\"format\": 1,\n  \"seed\": ,\n}");
    String error = Cli.run("gradients", file.toString()).error();
    assertTrue(error.startsWith(file + ":2:11: Unexpected character (','"), error);
  }

  @Test
  void truncatedJson_reportsWhereItEnds() {
    Path file = Cli.write(dir, "bad.json", "{\"format\": 1,\n \"network\": {\"inputs\": 2");
    String error = Cli.run("gradients", file.toString()).error();
    assertEquals(file + ":2:25: Unexpected end-of-input: expected close marker for Object"
        + " (start marker at line 2, column 13)", error);
  }

  @Test
  void nanLiteral_reportsLineAndColumnAndTheRule() {
    String error = errorOf("gradients", "[[0.05, 0.10]]", "[[0.05, NaN]]");
    assertTrue(error.matches(".*spec\\.json:\\d+:\\d+: Non-standard token 'NaN'; JSON numbers"
        + " must be finite \\(no NaN or Infinity\\)"), error);
  }

  @Test
  void duplicateField_isRejectedWithLocation() {
    String error = errorOf("gradients", "\"seed\": 7,", "\"seed\": 7, \"seed\": 8,");
    assertTrue(error.matches(".*spec\\.json:3:\\d+: Duplicate field 'seed'"), error);
  }

  @Test
  void trailingContent_isRejected() {
    Path file = Cli.write(dir, "spec.json", Cli.MAZUR + "\n{}");
    String error = Cli.run("gradients", file.toString()).error();
    assertTrue(error.startsWith(file + ":"), error);
  }

  @Test
  void twoDocuments_areRejectedWhereTheSecondStarts() {
    Path file = Cli.write(dir, "spec.json", Cli.MAZUR + "{}");
    assertEquals(file + ":" + (Cli.MAZUR.lines().count() + 1) + ":1: expected one JSON document,"
        + " found more JSON after its end", Cli.run("gradients", file.toString()).error());
  }

  @Test
  void plusSign_isRejectedAsAJsonRule() {
    assertEquals(spec() + ":3:12: a number may not start with '+'",
        errorOf("gradients", "\"seed\": 7", "\"seed\": +7"));
  }

  @Test
  void comments_areRejectedAsAJsonRule() {
    assertEquals(spec() + ":3:14: comments are not allowed in JSON",
        errorOf("gradients", "\"seed\": 7,", "\"seed\": 7, // lucky"));
    assertEquals(spec() + ":3:11: comments are not allowed in JSON",
        errorOf("gradients", "\"seed\": 7", "\"seed\": /* lucky */ 7"));
  }

  @Test
  void otherHintsOfTheParser_areLeftOut() {
    assertEquals(spec() + ":3:4: Illegal character ((CTRL-CHAR, code 30)): only regular white"
        + " space (\\r, \\n, \\t) is allowed between tokens",
        errorOf("gradients", "\"seed\": 7", "\u001e\"seed\": 7"));
  }

  @Test
  void parserLimits_areNamedWithTheirPlace() {
    assertEquals(spec() + ":3:1011: nested deeper than 1000 levels",
        errorOf("gradients", "\"seed\": 7", "\"seed\": " + "[".repeat(1001)));
    assertEquals(spec() + ":3:1012: a number longer than 1000 digits",
        errorOf("gradients", "\"seed\": 7", "\"seed\": " + "7".repeat(1001)));
    assertEquals(spec() + ":3:50006: a field name longer than 50000 characters",
        errorOf("gradients", "\"seed\": 7", "\"" + "s".repeat(50001) + "\": 7"));
    assertEquals(spec() + ":3:20000014: a string longer than 20000000 characters",
        errorOf("gradients", "\"seed\": 7", "\"seed\": \"" + "7".repeat(20000001) + "\""));
  }

  @Test
  void emptyFile_isRejected() {
    Path file = Cli.write(dir, "spec.json", "  \n");
    assertEquals(file + ": the file is empty; expected a JSON document",
        Cli.run("gradients", file.toString()).error());
  }

  @Test
  void topLevelArray_isRejected() {
    Path file = Cli.write(dir, "spec.json", "[1, 2]");
    assertEquals(file + ": expected a JSON object at the top level, got an array",
        Cli.run("gradients", file.toString()).error());
  }

  @Test
  void layerTooLargeForOneArray_isRejectedAtItsUnits() {
    // 1.2e9 units from 2 inputs: 2.4e9 weights, more than a Java array holds
    assertEquals(spec() + ": network.layers[0].units: expected at most 1073741819 units for a"
        + " fan-in of 2 (the weights must fit in one array of 2147483639), got 1200000000",
        errorOf("gradients", "\"units\": 2", "\"units\": 1200000000"));
  }

  @Test
  void className_withALoneSurrogate_isRejectedBeforeAnyWork() {
    // a string no UTF-8 file can hold: train --save would otherwise fail after training
    String error = errorOf("gradients", "\"layers\": [",
        "\"classes\": [\"\\ud800\", \"b\"], \"layers\": [");
    assertTrue(error.startsWith(spec() + ": network.classes[0]: expected text, got a string with"
        + " a lone surrogate escape"), error);
  }

  @Test
  void csvPathWithANulCharacter_isRejectedAtTheField() {
    String error = errorOf("gradients",
        "{\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}",
        "{\"csv\": \"a\\u0000b.csv\", \"targets\": [\"y\"]}");
    assertTrue(error.startsWith(spec() + ": data.csv: expected a file path, got one this system"
        + " cannot use ("), error);
  }

  @Test
  void weightsWithWrongColumns_nameTheJsonPathAndBothShapes() {
    assertEquals(spec() + ": network.layers[1].weights: expected 2 rows of 2, got 2 rows of 3",
        errorOf("gradients", "[[0.40, 0.45], [0.50, 0.55]]",
            "[[0.40, 0.45, 1], [0.50, 0.55, 1]]"));
  }

  @Test
  void weightsWithWrongRows_nameTheJsonPathAndBothShapes() {
    assertEquals(spec() + ": network.layers[0].weights: expected 2 rows of 2, got 3 rows of 2",
        errorOf("gradients", "[[0.15, 0.20], [0.25, 0.30]]",
            "[[0.15, 0.20], [0.25, 0.30], [1, 1]]"));
  }

  @Test
  void raggedWeights_nameTheShortRow() {
    assertEquals(spec() + ": network.layers[1].weights[1]: expected 2 values (a weight from each"
            + " input of the layer), got 1",
        errorOf("gradients", "[[0.40, 0.45], [0.50, 0.55]]", "[[0.40, 0.45], [0.50]]"));
  }

  @Test
  void biasOfWrongLength_namesTheJsonPath() {
    assertEquals(spec() + ": network.layers[1].bias: expected 2 values (one per unit), got 3",
        errorOf("gradients", "\"bias\": [0.60, 0.60]", "\"bias\": [0.60, 0.60, 0.60]"));
  }

  @Test
  void nonNumericWeight_namesTheElement() {
    assertEquals(spec() + ": network.layers[0].weights[1][0]: expected a number, got \"x\"",
        errorOf("gradients", "[0.25, 0.30]", "[\"x\", 0.30]"));
  }

  @Test
  void unknownActivation_listsTheKnownOnes() {
    String error = errorOf("gradients", "\"activation\": \"sigmoid\",\n",
        "\"activation\": \"sigmiod\",\n");
    assertTrue(error.startsWith(spec() + ": network.layers[0].activation: no activation named"
        + " \"sigmiod\". Known activations: "), error);
    assertTrue(error.contains("sigmoid") && error.contains("Did you mean \"sigmoid\"?"), error);
  }

  @Test
  void unknownLoss_listsTheKnownOnes() {
    String error = errorOf("gradients", "\"loss\": \"squared_error\"", "\"loss\": \"squared\"");
    assertTrue(error.startsWith(spec() + ": loss: no loss named \"squared\". Known losses: "),
        error);
    assertTrue(error.contains("squared_error"), error);
  }

  @Test
  void unknownOptimizer_listsTheKnownOnes() {
    String error = errorOf("train", "\"name\": \"sgd\"", "\"name\": \"sdg\"");
    assertTrue(error.startsWith(spec() + ": optimizer: no optimizer named \"sdg\". Known"
        + " optimizers: "), error);
    assertTrue(error.contains("sgd"), error);
  }

  @Test
  void unknownInitializer_listsTheKnownOnes() {
    String error = errorOf("gradients", "\"activation\": \"sigmoid\",\n",
        "\"activation\": \"sigmoid\", \"init\": \"glorot\",\n");
    assertTrue(error.startsWith(spec() + ": network.layers[0].init: no initializer named"
        + " \"glorot\". Known initializers: "), error);
    assertTrue(error.contains("xavier_uniform"), error);
  }

  @Test
  void unknownOptimizerParameter_namesItAndTheKnownOnes() {
    String error = errorOf("train", "\"learningRate\": 0.5", "\"learningRate\": 0.5, "
        + "\"momentun\": 0.9");
    assertTrue(error.startsWith(spec() + ": optimizer: sgd: unknown parameter momentun; known"
        + " parameters: "), error);
    assertTrue(error.contains("learningRate"), error);
  }

  @Test
  void misspelledRequiredParameter_saysItIsRequiredAndWhichKeyWasMeant() {
    assertEquals(spec() + ": optimizer: sgd: parameter learningRate is required. Did you mean "
        + "learningRate instead of learningRat?",
        errorOf("train", "\"learningRate\": 0.5", "\"learningRat\": 0.5"));
  }

  @Test
  void unknownActivationParameter_namesIt() {
    assertEquals(spec() + ": network.layers[0].activation: sigmoid: unknown parameter alpha; it"
            + " takes no parameters",
        errorOf("gradients", "\"activation\": \"sigmoid\",\n",
            "\"activation\": {\"name\": \"sigmoid\", \"alpha\": 1},\n"));
  }

  @Test
  void parameterOfWrongKind_isRejected() {
    assertEquals(spec() + ": optimizer.learningRate: expected a number, a string or true/false"
            + " as a parameter, got an array",
        errorOf("train", "\"learningRate\": 0.5", "\"learningRate\": [0.5]"));
  }

  @Test
  void componentObjectWithoutName_isRejected() {
    assertEquals(spec() + ": optimizer.name: missing; give the registered name, as in"
            + " {\"name\": \"sgd\", \"learningRate\": 0.1}",
        errorOf("train", "\"name\": \"sgd\", ", ""));
  }

  @Test
  void nonNumericData_namesTheElement() {
    assertEquals(spec() + ": data.inputs[0][1]: expected a number, got \"0.10\"",
        errorOf("gradients", "[[0.05, 0.10]]", "[[0.05, \"0.10\"]]"));
  }

  @Test
  void nonFiniteData_namesTheElement() {
    assertEquals(spec() + ": data.targets[0][0]: expected a finite number, got Infinity (beyond"
            + " the range of a double)",
        errorOf("gradients", "[[0.01, 0.99]]", "[[1e999, 0.99]]"));
  }

  @Test
  void raggedDataRows_nameTheRow() {
    assertEquals(spec() + ": data.inputs[1]: expected 2 values as in data.inputs[0], got 3",
        errorOf("gradients", "\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [[0.05, 0.10], [1, 2, 3]], \"targets\": [[0.01, 0.99], [0, 1]]"));
  }

  @Test
  void inputWidthNotMatchingNetwork_isRejected() {
    assertEquals(spec() + ": data.inputs: expected rows of 2 values (network.inputs is 2), got"
            + " rows of 3",
        errorOf("gradients", "[[0.05, 0.10]]", "[[0.05, 0.10, 0.2]]"));
  }

  @Test
  void targetWidthNotMatchingOutputLayer_isRejected() {
    assertEquals(spec() + ": data.targets: expected rows of 2 values (the output layer"
            + " network.layers[1] has 2 units), got rows of 1",
        errorOf("gradients", "[[0.01, 0.99]]", "[[0.01]]"));
  }

  @Test
  void rowCountsDiffering_isRejected() {
    assertEquals(spec() + ": data.targets: expected 2 rows (one per input row), got 1",
        errorOf("gradients", "[[0.05, 0.10]]", "[[0.05, 0.10], [0.2, 0.3]]"));
  }

  @Test
  void emptyDataSet_isRejected() {
    assertEquals(spec() + ": data.inputs: no rows; a data set needs at least one",
        errorOf("gradients", "\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]",
            "\"inputs\": [], \"targets\": []"));
  }

  @Test
  void batchSizeBelowOne_isRejected() {
    assertEquals(spec() + ": training.batchSize: expected at least 1, got 0",
        errorOf("train", "\"batchSize\": 1", "\"batchSize\": 0"));
  }

  @Test
  void negativeEpochs_isRejected() {
    assertEquals(spec() + ": training.epochs: expected at least 0, got -1",
        errorOf("train", "\"epochs\": 1", "\"epochs\": -1"));
  }

  @Test
  void fractionalEpochs_isRejected() {
    assertEquals(spec() + ": training.epochs: expected a whole number, got 1.5",
        errorOf("train", "\"epochs\": 1", "\"epochs\": 1.5"));
  }

  @Test
  void seedBeyondLong_isRejected() {
    assertEquals(spec() + ": seed: expected a whole number from -9223372036854775808 to"
            + " 9223372036854775807, got 1.0E30",
        errorOf("gradients", "\"seed\": 7", "\"seed\": 1e30"));
  }

  @Test
  void shuffleNotBoolean_isRejected() {
    assertEquals(spec() + ": training.shuffle: expected true or false, got \"no\"",
        errorOf("train", "\"shuffle\": false", "\"shuffle\": \"no\""));
  }

  @Test
  void missingSpecFile_isNamed() {
    Path missing = dir.resolve("nope.json");
    assertEquals(missing + ": no such file", Cli.run("train", missing.toString()).error());
  }

  @Test
  void directoryAsSpec_isRejected() {
    assertEquals(dir + ": is a directory, expected a JSON file",
        Cli.run("gradients", dir.toString()).error());
  }

  @Test
  void unreadableSpec_givesTheSystemsReason() {
    Path mem = Path.of("/proc/self/mem"); // opens, but reading at offset 0 fails
    assumeTrue(Files.isReadable(mem));
    assertEquals(mem + ": cannot read the file (input/output error)",
        Cli.run("gradients", mem.toString()).error());
  }

  @Test
  void missingData_forTrainAndGradients_isRejected() {
    String target = ",\n  \"data\": {\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}";
    assertEquals(spec() + ": data: missing; train needs data, as in \"data\": {\"inputs\":"
        + " [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}", errorOf("train", target, ""));
    assertEquals(spec() + ": data: missing; gradients needs data, as in \"data\": {\"inputs\":"
        + " [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}", errorOf("gradients", target, ""));
  }

  @Test
  void missingNetwork_isRejected() {
    Path file = Cli.write(dir, "spec.json", "{\"format\": 1, \"loss\": \"squared_error\"}");
    assertEquals(file + ": network: missing; gradients needs a network",
        Cli.run("gradients", file.toString()).error());
  }

  @Test
  void missingOptimizer_forTrain_isRejected() {
    assertEquals(spec() + ": optimizer: missing; train needs an optimizer, as in \"optimizer\":"
            + " {\"name\": \"sgd\", \"learningRate\": 0.5}",
        errorOf("train", "\"optimizer\": {\"name\": \"sgd\", \"learningRate\": 0.5},", ""));
  }

  @Test
  void otherFormat_isRejected() {
    assertEquals(spec() + ": format: expected 1 (the format this version reads), got 2",
        errorOf("gradients", "\"format\": 1", "\"format\": 2"));
    assertEquals(spec() + ": format: expected 1 (the format this version reads), got \"1\"",
        errorOf("gradients", "\"format\": 1", "\"format\": \"1\""));
  }

  @Test
  void missingFormat_isRejected() {
    assertEquals(spec() + ": format: missing; a spec starts with \"format\": 1",
        errorOf("gradients", "\"format\": 1,", ""));
  }

  @Test
  void unknownTopLevelField_isRejectedWithTheKnownOnes() {
    assertEquals(spec() + ": optimiser: unknown field; known fields here: format, seed, network,"
            + " loss, optimizer, data, training",
        errorOf("train", "\"optimizer\":", "\"optimiser\":"));
  }

  @Test
  void unknownLayerField_isRejected() {
    assertEquals(spec() + ": network.layers[0].unit: unknown field; known fields here: units,"
            + " activation, init, weights, bias",
        errorOf("gradients", "{\"units\": 2, \"activation\": \"sigmoid\",\n       \"weights\": "
            + "[[0.15", "{\"units\": 2, \"unit\": 2, \"activation\": \"sigmoid\",\n"
            + "       \"weights\": [[0.15"));
  }

  /** The error of {@code train} on Mazur's spec with {@code training} given these fields too. */
  private String trainingError(String fields) {
    return errorOf("train", "\"shuffle\": false", "\"shuffle\": false, " + fields);
  }

  @Test
  void unknownSchedule_listsTheKnownOnes() {
    assertEquals(spec() + ": training.schedule.name: unknown schedule \"stepp\"; known schedules:"
            + " constant, step, multi_step, exponential, cosine_annealing, linear, warm_up",
        trainingError("\"schedule\": {\"name\": \"stepp\", \"stepSize\": 2}"));
    assertEquals(spec() + ": training.schedule: unknown schedule \"cosine\"; known schedules:"
            + " constant, step, multi_step, exponential, cosine_annealing, linear, warm_up",
        trainingError("\"schedule\": \"cosine\""));
  }

  @Test
  void scheduleWithoutItsRequiredParameter_namesIt() {
    assertEquals(spec() + ": training.schedule.stepSize: missing; this schedule needs"
            + " \"stepSize\"",
        trainingError("\"schedule\": {\"name\": \"step\"}"));
    assertEquals(spec() + ": training.schedule.gamma: missing; this schedule needs \"gamma\"",
        trainingError("\"schedule\": \"exponential\""));
  }

  @Test
  void scheduleWithUnknownParameter_listsItsOwn() {
    assertEquals(spec() + ": training.schedule.gama: unknown field; known fields here: name,"
            + " stepSize, gamma",
        trainingError("\"schedule\": {\"name\": \"step\", \"stepSize\": 2, \"gama\": 0.5}"));
  }

  @Test
  void scheduleParameterOutOfRange_isRejectedWithTheSchedulesRule() {
    assertEquals(spec() + ": training.schedule: exponential schedule: gamma must be positive and"
            + " finite, got -1.0",
        trainingError("\"schedule\": {\"name\": \"exponential\", \"gamma\": -1}"));
    assertEquals(spec() + ": training.schedule.milestones[1]: expected at least 1, got 0",
        trainingError("\"schedule\": {\"name\": \"multi_step\", \"milestones\": [2, 0]}"));
    assertEquals(spec() + ": training.schedule: multi-step schedule: milestones must be strictly"
            + " increasing, but milestones[1] = 2 follows 3 in [3, 2]",
        trainingError("\"schedule\": {\"name\": \"multi_step\", \"milestones\": [3, 2]}"));
  }

  @Test
  void nestedScheduleError_namesTheNestedPath() {
    assertEquals(spec() + ": training.schedule.then.tMax: missing; this schedule needs \"tMax\"",
        trainingError("\"schedule\": {\"name\": \"warm_up\", \"epochs\": 2,"
            + " \"then\": \"cosine_annealing\"}"));
  }

  @Test
  void scheduleOfTheWrongType_isRejected() {
    assertEquals(spec() + ": training.schedule: expected a schedule's name or an object with"
            + " \"name\" and parameters, got 3",
        trainingError("\"schedule\": 3"));
  }

  @Test
  void bothClippings_areRejected() {
    assertEquals(spec() + ": training.clipGradientValue: give clipGradientNorm or"
            + " clipGradientValue, not both",
        trainingError("\"clipGradientNorm\": 1, \"clipGradientValue\": 0.5"));
  }

  @Test
  void clippingLimitNotPositive_isRejected() {
    assertEquals(spec() + ": training.clipGradientNorm: expected a positive number, got 0",
        trainingError("\"clipGradientNorm\": 0"));
    assertEquals(spec() + ": training.clipGradientValue: expected a number, got \"1\"",
        trainingError("\"clipGradientValue\": \"1\""));
  }

  @Test
  void earlyStoppingWithoutPatience_saysWhatToGive() {
    assertEquals(spec() + ": training.earlyStopping.patience: missing; give the epochs to wait"
            + " for an improvement, as in \"patience\": 10",
        trainingError("\"earlyStopping\": {\"minDelta\": 0.01}"));
  }

  @Test
  void earlyStoppingFieldsOutOfRange_areRejected() {
    assertEquals(spec() + ": training.earlyStopping.minDelta: expected at least 0, got -0.1",
        trainingError("\"earlyStopping\": {\"patience\": 2, \"minDelta\": -0.1}"));
    assertEquals(spec() + ": training.earlyStopping.patience: expected at least 0, got -2",
        trainingError("\"earlyStopping\": {\"patience\": -2}"));
    assertEquals(spec() + ": training.earlyStopping.restore: unknown field; known fields here:"
            + " patience, minDelta, restoreBestWeights",
        trainingError("\"earlyStopping\": {\"patience\": 2, \"restore\": false}"));
  }

  @Test
  void unknownTrainingField_isRejected() {
    assertEquals(spec() + ": training.epoch: unknown field; known fields here: epochs,"
            + " batchSize, shuffle, schedule, clipGradientNorm, clipGradientValue, earlyStopping",
        errorOf("train", "\"epochs\": 1", "\"epoch\": 1"));
  }

  @Test
  void unknownDataField_isRejected() {
    assertEquals(spec() + ": data.target: unknown field; known fields here: inputs, targets,"
            + " validation",
        errorOf("gradients", "\"targets\": [[0.01, 0.99]]}", "\"targets\": [[0.01, 0.99]],"
            + " \"target\": 1}"));
  }

  @Test
  void unitsBelowOne_isRejected() {
    assertEquals(spec() + ": network.layers[0].units: expected at least 1, got 0",
        errorOf("gradients", "{\"units\": 2, \"activation\": \"sigmoid\",\n       \"weights\": "
            + "[[0.15", "{\"units\": 0, \"activation\": \"sigmoid\",\n       \"weights\": [[0.15"));
  }

  @Test
  void noLayers_isRejected() {
    Path file = Cli.write(dir, "spec.json",
        "{\"format\": 1, \"network\": {\"inputs\": 2, \"layers\": []}}");
    assertEquals(file + ": network.layers: expected at least one layer, got none",
        Cli.run("predict", file.toString(), "[[1, 2]]").error());
  }

  @Test
  void unknownCommand_listsTheCommands() {
    assertEquals("unknown command \"trian\"; the commands are gradients, train, trace, predict,"
        + " graph, demo, help (try: backprop help)", Cli.run("trian").error());
  }

  @Test
  void missingArgument_showsUsage() {
    assertEquals("train: missing SPEC; usage: backprop train SPEC [--save FILE] [--model FILE]"
        + " [--checkpoint FILE]", Cli.run("train").error());
  }

  @Test
  void unknownOption_showsUsage() {
    assertEquals("train: unknown option --sav; usage: backprop train SPEC [--save FILE]"
        + " [--model FILE] [--checkpoint FILE]",
        Cli.run("train", "x.json", "--sav", "m.json").error());
  }

  @Test
  void optionWithoutValue_showsUsage() {
    assertEquals("train: --save needs a file; usage: backprop train SPEC [--save FILE]"
        + " [--model FILE] [--checkpoint FILE]", Cli.run("train", "x.json", "--save").error());
  }

  @Test
  void emptyOptionValue_isRefusedBeforeItNamesTheCurrentDirectory() {
    assertEquals("train: --save needs a file name, got an empty one; usage: backprop train SPEC"
        + " [--save FILE] [--model FILE] [--checkpoint FILE]",
        Cli.run("train", "x.json", "--save", "").error());
    assertEquals("train: --checkpoint needs a file name, got an empty one; usage: backprop train"
        + " SPEC [--save FILE] [--model FILE] [--checkpoint FILE]",
        Cli.run("train", "x.json", "--checkpoint", "").error());
  }

  @Test
  void optionAsAnotherOptionsValue_isRefused() {
    assertEquals("train: --save needs a file, found the option --model; usage: backprop train"
        + " SPEC [--save FILE] [--model FILE] [--checkpoint FILE]",
        Cli.run("train", "x.json", "--save", "--model", "m.json").error());
  }

  @Test
  void optionValueEndingInASlash_isRefusedAsADirectory() {
    assertEquals("train: --save needs a file, got the directory name m.json/; usage: backprop"
        + " train SPEC [--save FILE] [--model FILE] [--checkpoint FILE]",
        Cli.run("train", "x.json", "--save", "m.json/").error());
  }

  @Test
  void emptyArgument_isRefusedByName() {
    assertEquals("train: SPEC is empty; usage: backprop train SPEC [--save FILE] [--model FILE]"
        + " [--checkpoint FILE]", Cli.run("train", "").error());
    assertEquals("gradients: unexpected empty argument; usage: backprop gradients SPEC",
        Cli.run("gradients", "a.json", "").error());
  }

  @Test
  void extraArgument_showsUsage() {
    assertEquals("gradients: unexpected argument b.json; usage: backprop gradients SPEC",
        Cli.run("gradients", "a.json", "b.json").error());
  }
}
