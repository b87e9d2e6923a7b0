package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop.train.Checkpoint;
import io.github.backprop.train.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --checkpoint FILE}: a checkpoint after every epoch, and resuming from one. */
class TrainCheckpointTest {
  @TempDir Path dir;

  /**
   * Adam (state that a restart would lose), shuffling and a schedule (both keyed to the epoch
   * number), and batches of 2 over 5 rows.
   */
  private static final String SPEC = """
      {"format": 1, "seed": 3,
       "network": {"inputs": 2, "layers": [
         {"units": 3, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]},
       "loss": "squared_error",
       "optimizer": {"name": "adam", "learningRate": 0.05},
       "data": {"inputs": [[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]],
                "targets": [[0], [1], [1], [0], [1]]},
       "training": {"epochs": 4, "batchSize": 2, "shuffle": true,
                    "schedule": {"name": "step", "stepSize": 1, "gamma": 0.5}}}
      """;

  private Path spec(String name, int epochs) {
    return Cli.write(dir, name, SPEC.replace("\"epochs\": 4", "\"epochs\": " + epochs));
  }

  /** A checkpoint of SPEC trained for two epochs. */
  private Path checkpointAfterTwoEpochs() {
    Path checkpoint = dir.resolve("run.ckpt");
    Cli.run("train", spec("two.json", 2).toString(), "--checkpoint", checkpoint.toString())
        .json();
    return checkpoint;
  }

  /** The one-line error of a train run that is expected to refuse. */
  private String train(Path spec, Path checkpoint) {
    return Cli.run("train", spec.toString(), "--checkpoint", checkpoint.toString()).error();
  }

  @Test
  void optimizerStateThatOverflowed_isNotSaved_andTheErrorNamesTheFileOnce() {
    // Inputs of 1e155 keep the loss and gradients finite, but Adam's squared gradient overflows.
    Path overflow = Cli.write(dir, "overflow.json", """
        {"format": 1, "seed": 3,
         "network": {"inputs": 1, "layers": [{"units": 2, "activation": "softmax"}]},
         "loss": "cross_entropy",
         "optimizer": {"name": "adam", "learningRate": 0.001},
         "data": {"inputs": [[1e155], [-1e155]], "targets": [[1, 0], [0, 1]]},
         "training": {"epochs": 1, "batchSize": 2}}
        """);
    Path checkpoint = dir.resolve("run.ckpt");

    String error = train(overflow, checkpoint);

    assertEquals(checkpoint + ": checkpoint after epoch 1 failed: cannot save exp_avg_sq of"
        + " layers[0].weights: element 0 is Infinity, and a checkpoint holds finite numbers only"
        + " (training overflowed; try scaled inputs or a smaller learningRate)", error);
    assertFalse(Files.exists(checkpoint));
  }

  @Test
  void resumedRun_endsWithTheBitsOfARunThatNeverStopped() {
    JsonNode unbroken = Cli.run("train", spec("four.json", 4).toString()).json();
    Path checkpoint = dir.resolve("run.ckpt");
    JsonNode first = Cli.run("train", spec("two.json", 2).toString(),
        "--checkpoint", checkpoint.toString()).json();
    JsonNode resumed = Cli.run("train", spec("four.json", 4).toString(),
        "--checkpoint", checkpoint.toString()).json();

    assertFalse(first.has("resumedAfterEpoch"));
    assertEquals(2, resumed.get("resumedAfterEpoch").intValue());
    assertEquals(first.get("finalLoss"), resumed.get("initialLoss"));
    assertEquals(unbroken.get("history").get(2), resumed.get("history").get(0));
    assertEquals(unbroken.get("history").get(3), resumed.get("history").get(1));
    assertEquals(unbroken.get("finalLoss"), resumed.get("finalLoss"));
    assertEquals(unbroken.get("network"), resumed.get("network"));
  }

  @Test
  void continuingFromASavedModel_losesAdamsMoments_soTheCheckpointIsWhatMakesResumingExact() {
    JsonNode unbroken = Cli.run("train", spec("four.json", 4).toString()).json();
    Path model = dir.resolve("model.json");
    Cli.run("train", spec("two.json", 2).toString(), "--save", model.toString()).json();
    Path twoMore = Cli.write(dir, "more.json", SPEC.replace("\"epochs\": 4", "\"epochs\": 2"));
    JsonNode restarted = Cli.run("train", twoMore.toString(), "--model", model.toString()).json();
    assertNotEquals(unbroken.get("finalLoss"), restarted.get("finalLoss"));
  }

  @Test
  void checkpoint_holdsTheLastEpochsWeightsAndAdamsState() throws IOException {
    Path checkpoint = dir.resolve("run.ckpt");
    JsonNode out = Cli.run("train", spec("three.json", 3).toString(),
        "--checkpoint", checkpoint.toString()).json();
    Checkpoint saved = CheckpointFile.read(checkpoint);
    assertEquals(3, saved.epoch());
    assertEquals("adam", saved.optimizerState().optimizer());
    JsonNode hidden = out.get("network").get("layers").get(0);
    double[] weights = saved.parameter("layers[0].weights").data();
    for (int unit = 0; unit < 3; unit++) {
      for (int input = 0; input < 2; input++) {
        assertEquals(hidden.get("weights").get(unit).get(input).doubleValue(),
            weights[unit * 2 + input]);
      }
    }
    // 3 epochs of 3 batches: Adam's step count is 9.
    assertEquals(9.0, saved.optimizerState().scalar("step"));
  }

  @Test
  void checkpointOfEveryEpoch_resumesToNothingLeftToDo() {
    Path checkpoint = dir.resolve("run.ckpt");
    JsonNode done = Cli.run("train", spec("four.json", 4).toString(),
        "--checkpoint", checkpoint.toString()).json();
    JsonNode again = Cli.run("train", spec("four.json", 4).toString(),
        "--checkpoint", checkpoint.toString()).json();
    assertEquals(4, again.get("resumedAfterEpoch").intValue());
    assertEquals(0, again.get("history").size());
    assertEquals(done.get("network"), again.get("network"));
    assertEquals(done.get("finalLoss"), again.get("finalLoss"));
  }

  @Test
  void checkpointOfMoreEpochsThanTheSpecAsksFor_isRejected() {
    Path checkpoint = dir.resolve("run.ckpt");
    Cli.run("train", spec("four.json", 4).toString(), "--checkpoint", checkpoint.toString())
        .json();
    Path two = spec("two.json", 2);
    assertEquals(checkpoint + ": holds 4 epochs, more than the 2 of training.epochs in " + two,
        train(two, checkpoint));
  }

  @Test
  void checkpointIntoAMissingDirectory_isRejectedBeforeTraining() {
    Path checkpoint = dir.resolve("no/such/run.ckpt");
    assertEquals(checkpoint + ": cannot write checkpoints: the directory "
        + checkpoint.getParent() + " does not exist", train(spec("two.json", 2), checkpoint));
  }

  @Test
  void unreadableCheckpoint_namesFileAndLine_andIsLeftAsItWas() throws IOException {
    Path checkpoint = Cli.write(dir, "run.ckpt", "not a checkpoint\n");
    assertEquals(checkpoint + ":1: expected \"backprop-checkpoint\", found \"not\"",
        train(spec("two.json", 2), checkpoint));
    assertEquals("not a checkpoint\n", Files.readString(checkpoint));
  }

  @Test
  void checkpointOfAnotherOptimizer_isRejected() {
    Path checkpoint = checkpointAfterTwoEpochs();
    Path sgd = Cli.write(dir, "sgd.json", SPEC.replace("adam", "sgd"));
    assertEquals(checkpoint + ": cannot resume from this checkpoint: sgd: cannot restore a state"
        + " saved by optimizer \"adam\"", train(sgd, checkpoint));
  }

  @Test
  void checkpointOfAnotherNetworkShape_isRejected() {
    Path checkpoint = checkpointAfterTwoEpochs();
    Path wide = Cli.write(dir, "wide.json", SPEC.replace("\"units\": 3", "\"units\": 4"));
    assertEquals(checkpoint + ": cannot resume from this checkpoint: parameter layers[0].weights"
        + " was saved with shape [3, 2] but the network's has shape [4, 2]",
        train(wide, checkpoint));
  }

  @Test
  void resumingWithEarlyStopping_isRejected() {
    Path checkpoint = checkpointAfterTwoEpochs();
    Path stopping = Cli.write(dir, "stop.json", SPEC.replace("\"batchSize\": 2,",
        "\"batchSize\": 2, \"earlyStopping\": {\"patience\": 2},"));
    String error = train(stopping, checkpoint);
    assertTrue(error.startsWith(checkpoint + ": cannot resume with training.earlyStopping in "
        + stopping + ": "), error);
  }

  @Test
  void saveAndCheckpointNamingOneFile_isRejectedBeforeTraining() {
    Path file = dir.resolve("out.json");
    String checkpoint = dir.resolve("sub/../out.json").toString();
    String error = Cli.run("train", spec("two.json", 2).toString(), "--checkpoint", checkpoint,
        "--save", file.toString()).error();
    assertTrue(error.startsWith("train: --checkpoint and --save name the same file " + checkpoint
        + "; give each its own"), error);
    assertFalse(Files.exists(file));
  }

  @Test
  void checkpointMissingAdamsArraysForAParameter_isBlamedOnTheCheckpoint() throws IOException {
    Path checkpoint = checkpointAfterTwoEpochs();
    // drop the two arrays of the output bias (each a header line and a line of one value)
    List<String> lines = new ArrayList<>(Files.readAllLines(checkpoint));
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("array layers[1].bias ")) {
        lines.remove(i + 1);
        lines.remove(i);
      }
    }
    lines.replaceAll(line -> line.equals("arrays 8") ? "arrays 6" : line);
    Files.write(checkpoint, lines);
    String error = train(spec("four.json", 4), checkpoint);
    assertTrue(error.startsWith(checkpoint + ": cannot resume from this checkpoint: adam:"
        + " restored state has no arrays for [layers[1].bias]"), error);
  }
}
