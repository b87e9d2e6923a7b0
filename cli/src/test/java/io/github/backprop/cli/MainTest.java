package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void help_listsEveryCommand() {
    Cli.Result result = Cli.run("help");
    assertEquals(Main.OK, result.status());
    for (String command : new String[] {"gradients SPEC", "train SPEC [--save FILE] [--model"
        + " FILE]", "trace SPEC", "predict MODEL INPUT", "graph SPEC", "demo", "help"}) {
      assertTrue(result.out().contains("\n  " + command), command + " in:\n" + result.out());
    }
    assertTrue(result.out().contains("docs/spec.md"), result.out());
  }

  @Test
  void help_forOneCommand_printsItsUsage() {
    Cli.Result result = Cli.run("help", "train");
    assertEquals(Main.OK, result.status());
    assertTrue(result.out().startsWith(
        "usage: backprop train SPEC [--save FILE] [--model FILE] [--checkpoint FILE]"),
        result.out());
    assertTrue(result.out().lines().allMatch(line -> line.length() <= 78), result.out());
  }

  @Test
  void dashDashHelp_isHelp() {
    assertEquals(Cli.run("help").out(), Cli.run("--help").out());
  }

  @Test
  void noArguments_printsHelpOnStderrAsAUsageError() {
    Cli.Result result = Cli.run();
    assertEquals(Main.BAD_INPUT, result.status());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("usage: "), result.err());
  }

  @Test
  void internalError_exitsWithOneAndItsStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR);
    int status = new Main(() -> {
      throw new IllegalStateException("broken injector");
    }).run(new String[] {"gradients", spec.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.INTERNAL_ERROR, status);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("internal error (please report it): "
        + "java.lang.IllegalStateException: broken injector"), text);
    assertTrue(text.contains("\tat "), "stack trace expected: " + text);
  }

  @Test
  void outOfMemory_isOneLineSayingWhatToDo_notAnInternalError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR);
    int status = new Main(() -> {
      throw new OutOfMemoryError("Java heap space");
    }).run(new String[] {"gradients", spec.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.BAD_INPUT, status);
    String text = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(text.startsWith("out of memory: the data or the network needs more than the "),
        text);
    assertFalse(text.contains("\n") || text.contains("\tat "), text);
  }

  @Test
  void help_doesNotStartTheInjector() {
    int status = new Main(() -> {
      throw new AssertionError("help needs no plug-ins");
    }).run(new String[] {"help"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream()));
    assertEquals(Main.OK, status);
  }
}
