package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgumentsTest {
  private static final String USAGE =
      "; usage: backprop train SPEC [--save FILE] [--model FILE] [--checkpoint FILE]";

  @TempDir Path dir;

  private static Arguments train(String... args) {
    return Arguments.parse(new TrainCommand(), List.of(args), List.of("SPEC"),
        Set.of("--save", "--model", "--checkpoint"));
  }

  @Test
  void requireDifferentFiles_samePathWrittenTwoWays_isRefused() {
    Arguments a = train("s.json", "--checkpoint", "out/c.ckpt", "--save", "out/../out/./c.ckpt");
    BadInputException e = assertThrows(BadInputException.class,
        () -> a.requireDifferentFiles("--checkpoint", "--save"));
    assertEquals("train: --checkpoint and --save name the same file out/c.ckpt; give each its own"
        + USAGE, e.getMessage());
  }

  @Test
  void requireDifferentFiles_sameFileThroughALink_isRefused() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), "{}");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), model);
    Arguments a = train("s.json", "--model", model.toString(), "--checkpoint", link.toString());
    assertThrows(BadInputException.class,
        () -> a.requireDifferentFiles("--checkpoint", "--model"));
  }

  @Test
  void requireDifferentFiles_differentOrAbsentFiles_pass() {
    train("s.json", "--checkpoint", "c.ckpt", "--save", "m.json")
        .requireDifferentFiles("--checkpoint", "--save");
    train("s.json", "--save", "m.json").requireDifferentFiles("--checkpoint", "--save");
  }
}
