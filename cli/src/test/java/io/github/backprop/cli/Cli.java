package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process, as the tests' one way in. */
final class Cli {
  /** Discovery once for the whole test run: every plug-in module is on the test class path. */
  static final Components COMPONENTS = Backprop.components();

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int status, String out, String err) {
    /** The output parsed as JSON, after checking that the run succeeded. */
    JsonNode json() {
      assertEquals(Main.OK, status, () -> "stderr: " + err);
      return Json.parse(out.getBytes(StandardCharsets.UTF_8), "stdout");
    }

    /**
     * The single line on stderr of a run that failed on bad input, after checking the status
     * and that there is no stack trace.
     */
    String error() {
      assertEquals(Main.BAD_INPUT, status, () -> "stdout: " + out + "\nstderr: " + err);
      String line = err.strip();
      assertFalse(line.contains("\n") || line.contains("\tat ") || line.contains("Exception"),
          () -> "expected one line without a stack trace, got: " + err);
      return line;
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = new Main(() -> COMPONENTS).run(args, o, e);
    }
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Writes {@code text} to {@code dir/name} and returns the path. */
  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mazur's worked example: 2-2-2, sigmoid, squared error, one sgd step of 0.5. */
  static final String MAZUR = """
      {
        "format": 1,
        "seed": 7,
        "network": {
          "inputs": 2,
          "layers": [
            {"units": 2, "activation": "sigmoid",
             "weights": [[0.15, 0.20], [0.25, 0.30]], "bias": [0.35, 0.35]},
            {"units": 2, "activation": "sigmoid",
             "weights": [[0.40, 0.45], [0.50, 0.55]], "bias": [0.60, 0.60]}
          ]
        },
        "loss": "squared_error",
        "optimizer": {"name": "sgd", "learningRate": 0.5},
        "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]},
        "training": {"epochs": 1, "batchSize": 1, "shuffle": false}
      }
      """;
}
