package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Network;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path dir;

  /** Values whose decimal round trip is easy to get wrong. */
  private static final double[] AWKWARD = {
      0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, Double.NaN,
      Double.NEGATIVE_INFINITY, 1e-300, 123456789.123456789};

  private static Checkpoint sample() {
    Map<String, Tensor> parameters = new LinkedHashMap<>();
    parameters.put("layers[0].weights", Tensor.wrap(AWKWARD.clone(), 3, 3));
    parameters.put("layers[0].bias", Tensor.vector(0.25, -7, 2e-5));
    OptimizerState state = OptimizerState.builder("adam").scalar("step", 12)
        .scalar("mu_product", 0.123456789012345678)
        .array("layers[0].weights", "exp_avg", AWKWARD)
        .array("layers[0].bias", "exp_avg", new double[] {1, 2, 3})
        .build();
    return new Checkpoint(4, parameters, state);
  }

  @Test
  void writeThenRead_givesBackTheSameBits() throws IOException {
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, sample());

    Checkpoint read = CheckpointFile.read(file);

    assertEquals(sample(), read);
    assertEquals(4, read.epoch());
    double[] values = read.parameter("layers[0].weights").data();
    for (int i = 0; i < AWKWARD.length; i++) {
      assertEquals(Double.doubleToRawLongBits(AWKWARD[i]), Double.doubleToRawLongBits(values[i]),
          "value " + i);
    }
  }

  @Test
  void write_startsWithTheDocumentedHeader_andLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, sample());
    CheckpointFile.write(file, sample());

    List<String> lines = Files.readAllLines(file);
    assertEquals(List.of("backprop-checkpoint 1", "epoch 4", "parameters 2",
        "parameter layers[0].weights 2 3 3"), lines.subList(0, 4));
    assertEquals("end", lines.get(lines.size() - 1));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void write_nameWithWhitespace_rejectedAndNothingLeftBehind() throws IOException {
    Checkpoint bad = new Checkpoint(1, Map.of("my weights", Tensor.vector(1)),
        OptimizerState.builder("sgd").build());
    Path file = dir.resolve("bad.ckpt");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CheckpointFile.write(file, bad));

    assertEquals("checkpoint: the name \"my weights\" is empty or contains whitespace, which the"
        + " text format cannot hold", e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private Path fileWith(String text) throws IOException {
    Path file = dir.resolve("broken.ckpt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String readError(String text) throws IOException {
    Path file = fileWith(text);
    return assertThrows(IOException.class, () -> CheckpointFile.read(file)).getMessage()
        .replace(file.toString(), "FILE");
  }

  @Test
  void read_wrongMagic_namesFileAndLine() throws IOException {
    assertEquals("FILE:1: expected \"backprop-checkpoint\", found \"{\"epoch\":\"",
        readError("{\"epoch\": 1}\n"));
  }

  @Test
  void read_unknownVersion_saysWhichItReads() throws IOException {
    assertEquals("FILE:1: expected format version 1 (the only one this release reads), found 7",
        readError("backprop-checkpoint 7\n"));
  }

  @Test
  void read_notANumber_namesTheValueAndLine() throws IOException {
    assertEquals("FILE:5: expected a value of layers[0].bias (a number), found \"abc\"",
        readError("backprop-checkpoint 1\nepoch 1\nparameters 1\nparameter layers[0].bias 1 2\n"
            + "0.5 abc\n"));
  }

  @Test
  void read_truncated_saysWhatWasExpected() throws IOException {
    assertEquals("FILE:3: expected \"parameters\", found the end of the file",
        readError("backprop-checkpoint 1\nepoch 1\n\n"));
  }

  @Test
  void read_trailingGarbage_rejected() throws IOException {
    assertEquals("FILE:9: expected nothing after end, found more",
        readError("backprop-checkpoint 1\nepoch 0\nparameters 0\noptimizer sgd\nscalars 0\n"
            + "arrays 0\nend\n\nmore\n"));
  }

  @Test
  void read_countLargerThanTheFile_rejectedBeforeAllocating() throws IOException {
    // the file is 52 bytes long, so it cannot hold more than 52 of anything
    assertEquals("FILE:3: expected the number of parameters between 0 and 52, found 2000000000",
        readError("backprop-checkpoint 1\nepoch 0\nparameters 2000000000\n"));
  }

  @Test
  void read_fileOverTheLimit_rejected() throws IOException {
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, sample());
    IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(file, 100));
    assertTrue(e.getMessage().endsWith("bytes is more than the 100 a checkpoint may have"),
        e.getMessage());
  }

  @Test
  void restoreInto_matchingNetwork_copiesWeightsAndRestoresTheOptimizer() {
    Network source = TrainTestDoubles.network(1);
    TrainTestDoubles.PlainSgd optimizer = new TrainTestDoubles.PlainSgd(0.1);
    Checkpoint checkpoint = Checkpoint.of(3, source, optimizer);
    Network target = TrainTestDoubles.network(2);

    checkpoint.restoreInto(target, new TrainTestDoubles.PlainSgd(0.1));

    assertEquals(source.parameterValues(), target.parameterValues());
  }

  @Test
  void restoreInto_networkOfAnotherShape_namesTheParameterAndShapes() {
    Checkpoint checkpoint = Checkpoint.of(3, TrainTestDoubles.network(1),
        new TrainTestDoubles.PlainSgd(0.1));
    Network wider = Network.builder(3).dense(3, TestActivations.tanh())
        .dense(1, TestActivations.identity()).build();
    Tensor before = wider.parameters().get(1).value().copy();

    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> checkpoint.restoreInto(wider, new TrainTestDoubles.PlainSgd(0.1)));

    assertEquals("checkpoint: parameter layers[0].weights was saved with shape [3, 2] but the"
        + " network's has shape [3, 3]", e.getMessage());
    assertEquals(before, wider.parameters().get(1).value());
  }

  @Test
  void restoreInto_networkWithOtherLayers_listsBothNameSets() {
    Checkpoint checkpoint = Checkpoint.of(3, TrainTestDoubles.network(1),
        new TrainTestDoubles.PlainSgd(0.1));
    Network single = Network.builder(2).dense(1, TestActivations.identity()).build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> checkpoint.restoreInto(single, new TrainTestDoubles.PlainSgd(0.1)));

    assertEquals("checkpoint: it holds parameters [layers[0].weights, layers[0].bias,"
        + " layers[1].weights, layers[1].bias] but the network has [layers[0].weights,"
        + " layers[0].bias]; was it saved from a network of another shape?", e.getMessage());
  }

  @Test
  void checkpointing_everyTwoEpochs_writesAfterEpochsTwoAndFour() {
    List<Checkpoint> written = new ArrayList<>();
    Network network = TrainTestDoubles.network(1);
    List<Tensor> afterTwo = new ArrayList<>();
    TrainingListener peek = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochSummary summary) {
        if (summary.epoch() == 2) {
          afterTwo.addAll(network.parameterValues());
        }
      }
    };
    Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(5).batchSize(2)
        .listener(Checkpointing.every(2, written::add)).listener(peek).build()
        .fit(network, TrainTestDoubles.line(4));

    assertEquals(List.of(2, 4), written.stream().map(Checkpoint::epoch).toList());
    List<Tensor> saved = new ArrayList<>();
    for (String name : written.get(0).parameterNames()) {
      saved.add(written.get(0).parameter(name));
    }
    assertEquals(afterTwo, saved);
  }

  @Test
  void checkpointing_writeFails_stopsTrainingNamingTheEpoch() {
    Trainer trainer = Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(3)
        .listener(Checkpointing.every(1, c -> {
          throw new IOException("disk full");
        })).build();

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(4)));

    assertEquals("checkpoint after epoch 1 failed: disk full", e.getMessage());
  }

  @Test
  void checkpointing_everyZero_rejected() {
    assertEquals("checkpointing: every must be at least 1 epoch, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> Checkpointing.every(0, c -> { })).getMessage());
  }

  @Test
  void writer_throughTheListener_fileReadsBackAsTheLastCheckpoint() throws IOException {
    Path file = dir.resolve("latest.ckpt");
    Network network = TrainTestDoubles.network(1);
    Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(3)
        .listener(Checkpointing.every(1, CheckpointFile.writer(file))).build()
        .fit(network, TrainTestDoubles.line(4));

    Checkpoint read = CheckpointFile.read(file);

    assertEquals(3, read.epoch());
    assertArrayEquals(network.parameters().get(2).value().data(),
        read.parameter("layers[1].weights").data());
  }
}
