package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointFileTest {
  @TempDir Path dir;

  /** Values whose decimal round trip is easy to get wrong. */
  private static final double[] AWKWARD = {
      0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, -Double.MIN_NORMAL,
      -2.5e-7, 1e-300, 123456789.123456789};

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
  void writeThenRead_anyFiniteDouble_givesBackTheSameBits() throws IOException {
    // the reader accepts only the writer's number forms; every form Double.toString has must be
    // among them
    Random random = new Random(42);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      do {
        values[i] = Double.longBitsToDouble(random.nextLong());
      } while (!Double.isFinite(values[i]));
    }
    Checkpoint checkpoint = new Checkpoint(1, Map.of("w", Tensor.vector(values)),
        OptimizerState.builder("adam").scalar("step", 1e15).array("w", "exp_avg", values).build());
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, checkpoint);

    assertEquals(checkpoint, CheckpointFile.read(file));
  }

  @Test
  void write_nonFiniteValue_refusedAndTheLastGoodFileKept() throws IOException {
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, sample());
    byte[] good = Files.readAllBytes(file);
    // what Adam leaves when a finite gradient's square overflows
    Checkpoint overflowed = new Checkpoint(2, Map.of("w", Tensor.vector(1, 2)),
        OptimizerState.builder("adam").scalar("step", 2)
            .array("w", "exp_avg_sq", new double[] {3, Double.POSITIVE_INFINITY}).build());
    Checkpoint nanWeight = new Checkpoint(2, Map.of("w", Tensor.vector(Double.NaN)),
        OptimizerState.builder("sgd").build());
    Checkpoint nanScalar = new Checkpoint(2, Map.of("w", Tensor.vector(1)),
        OptimizerState.builder("nadam").scalar("mu_product", Double.NaN).build());

    IOException state = assertThrows(IOException.class,
        () -> CheckpointFile.write(file, overflowed));
    IOException weight = assertThrows(IOException.class,
        () -> CheckpointFile.write(file, nanWeight));
    IOException scalar = assertThrows(IOException.class,
        () -> CheckpointFile.write(file, nanScalar));

    assertEquals(file + ": cannot save exp_avg_sq of w: element 1 is Infinity, and a checkpoint"
        + " holds finite numbers only (training overflowed; try scaled inputs or a smaller"
        + " learningRate)", state.getMessage());
    assertTrue(weight.getMessage().startsWith(file + ": cannot save w: element 0 is NaN,"),
        weight.getMessage());
    assertTrue(scalar.getMessage().startsWith(
        file + ": cannot save optimizer scalar mu_product: it is NaN,"), scalar.getMessage());
    assertArrayEquals(good, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void write_intoMissingDirectory_namesTheFileThenTheDirectory() {
    Path file = dir.resolve("missing").resolve("run.ckpt");

    IOException e = assertThrows(IOException.class, () -> CheckpointFile.write(file, sample()));

    assertEquals(file + ": cannot create a file in " + file.getParent()
        + " (no such file or directory)", e.getMessage());
  }

  @Test
  void write_ontoADirectory_namesTheFileAndLeavesTheDirectoryAlone() throws IOException {
    Path target = Files.createDirectory(dir.resolve("run.ckpt"));
    Path inside = Files.writeString(target.resolve("notes.txt"), "kept");

    IOException e = assertThrows(IOException.class,
        () -> CheckpointFile.write(target, sample()));

    assertTrue(e.getMessage().startsWith(target + ": cannot replace the file ("),
        e.getMessage());
    assertEquals("kept", Files.readString(inside));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  /** A checkpoint as the writer writes it; the tests below change one token of it. */
  private static final String VALID = String.join("\n",
      "backprop-checkpoint 1",                   // 1
      "epoch 2",                                 // 2
      "parameters 1",                            // 3
      "parameter layers[0].bias 1 2",            // 4
      "0.5 -1.0",                                // 5
      "optimizer adam",                          // 6
      "scalars 2",                               // 7
      "scalar step 4.0",                         // 8
      "scalar mu_product 0.25",                  // 9
      "arrays 1",                                // 10
      "array layers[0].bias exp_avg 2",          // 11
      "0.125 1.0E-7",                            // 12
      "end", "");

  private String readError(String line, String replacement) throws IOException {
    assertTrue(VALID.contains(line + "\n"), line);
    return readError(VALID.replace(line + "\n", replacement + "\n"));
  }

  @Test
  void read_valid_givesTheValues() throws IOException {
    Checkpoint read = CheckpointFile.read(fileWith(VALID));
    assertEquals(2, read.epoch());
    assertEquals(Tensor.vector(0.5, -1), read.parameter("layers[0].bias"));
    assertEquals(4.0, read.optimizerState().scalar("step"));
    assertArrayEquals(new double[] {0.125, 1e-7},
        read.optimizerState().array("layers[0].bias", "exp_avg"));
  }

  @Test
  void read_negativeEpoch_isAFormatErrorNamingTheLine() throws IOException {
    assertEquals("FILE:2: expected the epoch between 0 and 2147483647, found -1",
        readError("epoch 2", "epoch -1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p-3", "0.13d", "1f", "+0.5", ".5",
      "5.", "1e-3", "1E400", "-1E999", "1.0E+5"})
  void read_valueNotWrittenByTheWriter_rejected(String token) throws IOException {
    assertEquals("FILE:5: expected a finite number for layers[0].bias, found \"" + token + "\"",
        readError("0.5 -1.0", "0.5 " + token));
  }

  @Test
  void read_nonFiniteOptimizerState_rejected() throws IOException {
    assertEquals("FILE:9: expected a finite number for scalar mu_product, found \"NaN\"",
        readError("scalar mu_product 0.25", "scalar mu_product NaN"));
    assertEquals("FILE:12: expected a finite number for exp_avg of layers[0].bias, found"
        + " \"Infinity\"", readError("0.125 1.0E-7", "0.125 Infinity"));
  }

  static Stream<Arguments> wholeNumbersNotWrittenByTheWriter() {
    return Stream.of(
        Arguments.of("epoch 2", "epoch +2", "FILE:2: expected the epoch (a whole number), found"
            + " \"+2\""),
        Arguments.of("epoch 2", "epoch \u0662", "FILE:2: expected the epoch (a whole number),"
            + " found \"\u0662\""),
        Arguments.of("epoch 2", "epoch 99999999999", "FILE:2: expected the epoch between 0 and"
            + " 2147483647, found 99999999999"),
        Arguments.of("parameter layers[0].bias 1 2", "parameter layers[0].bias 1 +2",
            "FILE:4: expected dimension 0 of layers[0].bias (a whole number), found \"+2\""),
        Arguments.of("arrays 1", "arrays +1",
            "FILE:10: expected the number of arrays (a whole number), found \"+1\""),
        Arguments.of("arrays 1", "arrays \uFF11",
            "FILE:10: expected the number of arrays (a whole number), found \"\uFF11\""));
  }

  @ParameterizedTest
  @MethodSource("wholeNumbersNotWrittenByTheWriter")
  void read_wholeNumberNotWrittenByTheWriter_rejected(String line, String replacement,
      String message) throws IOException {
    assertEquals(message, readError(line, replacement));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "-1.0", "1.0E300"})
  void read_stepNotAWholeNumberOfSteps_rejected(String token) throws IOException {
    assertEquals("FILE:8: expected scalar step (a whole number between 0 and 9007199254740992),"
        + " found \"" + token + "\"", readError("scalar step 4.0", "scalar step " + token));
  }

  @Test
  void read_invalidUtf8_namesTheLine() throws IOException {
    // far past the first read's chunk, where a buffered Reader would be ahead of the line
    StringBuilder text = new StringBuilder("backprop-checkpoint 1\nepoch 0\nparameters 1\n"
        + "parameter w 1 20000\n");
    for (int i = 0; i < 12000; i++) {
      text.append("0.5\n");
    }
    byte[] start = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "caf\u00e9\n0.5\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.ckpt");
    Files.write(file, concat(start, latin1));
    Path cut = dir.resolve("cut.ckpt");
    Files.write(cut, concat("backprop-checkpoint 1\nepoch \u00e9".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xC3}));

    assertEquals(file + ":12005: not valid UTF-8 text",
        assertThrows(IOException.class, () -> CheckpointFile.read(file)).getMessage());
    assertEquals(cut + ":2: not valid UTF-8 text",
        assertThrows(IOException.class, () -> CheckpointFile.read(cut)).getMessage());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void read_notANumber_namesTheValueAndLine() throws IOException {
    assertEquals("FILE:5: expected a finite number for layers[0].bias, found \"abc\"",
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

  /** Takes any state of its name and keeps it for the first step, as the stock ones do. */
  private static final class DeferringOptimizer implements Optimizer {
    OptimizerState restored;

    @Override
    public String name() {
      return "deferring";
    }

    @Override
    public void step(List<Parameter> parameters) {}

    @Override
    public void restore(OptimizerState state) {
      restored = state;
    }
  }

  /** The weights of TrainTestDoubles.network(1) with the given optimizer state. */
  private static Checkpoint withState(OptimizerState state) {
    Map<String, Tensor> values = new LinkedHashMap<>();
    for (Parameter p : TrainTestDoubles.network(1).parameters()) {
      values.put(p.name(), p.value());
    }
    return new Checkpoint(3, values, state);
  }

  @Test
  void restoreInto_stateArrayOfTheWrongLength_rejectedBeforeAnythingIsWritten() {
    Checkpoint checkpoint = withState(OptimizerState.builder("deferring").scalar("step", 3)
        .array("layers[0].weights", "exp_avg", new double[6])
        .array("layers[0].bias", "exp_avg", new double[1]).build());
    Network target = TrainTestDoubles.network(2);
    List<Tensor> before = target.parameterValues();
    DeferringOptimizer optimizer = new DeferringOptimizer();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> checkpoint.restoreInto(target, optimizer));

    assertEquals("checkpoint: optimizer state array exp_avg of layers[0].bias has 1 values, but"
        + " the parameter has 3", e.getMessage());
    assertEquals(before, target.parameterValues());
    assertNull(optimizer.restored);
  }

  @Test
  void restoreInto_stateArrayOfAnotherParameter_rejectedBeforeAnythingIsWritten() {
    Checkpoint checkpoint = withState(OptimizerState.builder("deferring").scalar("step", 3)
        .array("layers[2].bias", "exp_avg", new double[1]).build());
    Network target = TrainTestDoubles.network(2);
    List<Tensor> before = target.parameterValues();
    DeferringOptimizer optimizer = new DeferringOptimizer();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> checkpoint.restoreInto(target, optimizer));

    assertEquals("checkpoint: optimizer state has arrays for layers[2].bias, which is not among"
        + " the network's parameters [layers[0].weights, layers[0].bias, layers[1].weights,"
        + " layers[1].bias]", e.getMessage());
    assertEquals(before, target.parameterValues());
    assertNull(optimizer.restored);
  }

  @Test
  void restoreInto_stateArraysThatFit_reachTheOptimizer() {
    OptimizerState state = OptimizerState.builder("deferring").scalar("step", 3)
        .array("layers[0].bias", "exp_avg", new double[3])
        .array("layers[1].weights", "exp_avg", new double[3]).build();
    DeferringOptimizer optimizer = new DeferringOptimizer();

    withState(state).restoreInto(TrainTestDoubles.network(2), optimizer);

    assertEquals(state, optimizer.restored);
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
