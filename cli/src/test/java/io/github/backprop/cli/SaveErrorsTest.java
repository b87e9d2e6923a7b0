package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that cannot be written (train --save, --checkpoint): the message says why in plain words,
 * with no exception class and no temporary file's name. /proc and /sys stand for directories that
 * cannot be written, since the tests may run as root, for whom permissions do not count.
 */
class SaveErrorsTest {
  @TempDir Path dir;

  private String trainError(String option, String file) {
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR);
    return Cli.run("train", spec.toString(), option, file).error();
  }

  // --checkpoint is refused before any epoch runs: train resumes from an existing checkpoint,
  // so it reads the path first.
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "--save, out, cannot save the model: it is a directory",
      "--checkpoint, c.ckpt, cannot read the checkpoint: it is a directory"})
  void ontoADirectory_saysItIsOneAndKeepsIt(String option, String name, String reason)
      throws IOException {
    Path out = Files.createDirectory(dir.resolve(name));
    Files.writeString(out.resolve("x"), "kept");
    assertEquals(out + ": " + reason, trainError(option, out.toString()));
    assertEquals("kept", Files.readString(out.resolve("x")));
  }

  @Test
  void saveUnderAFile_saysThatIsNoDirectory() {
    Path file = Cli.write(dir, "plain.txt", "x");
    assertEquals(file.resolve("m.json") + ": cannot save the model: " + file
        + " is not a directory", trainError("--save", file.resolve("m.json").toString()));
  }

  @Test
  void saveIntoADirectoryThatTakesNoFiles_givesTheSystemsReason() {
    assumeTrue(Files.isDirectory(Path.of("/proc")));
    assertEquals("/proc/m.json: cannot save the model: cannot create a file in /proc (no such"
        + " file or directory)", trainError("--save", "/proc/m.json"));
  }

  @Test
  void saveIntoADirectoryDeniedToEveryone_givesTheSystemsReason() {
    assumeTrue(Files.isDirectory(Path.of("/sys")));
    String error = trainError("--save", "/sys/m.json");
    assertTrue(error.startsWith("/sys/m.json: cannot save the model: cannot create a file in"
        + " /sys ("), error);
    assertFalse(error.contains("java.") || error.contains(".tmp"), error);
  }

  @Test
  void checkpointIntoADirectoryThatTakesNoFiles_givesTheSystemsReason() {
    assumeTrue(Files.isDirectory(Path.of("/proc")));
    assertEquals("/proc/c.ckpt: checkpoint after epoch 1 failed: cannot create a file in /proc"
        + " (no such file or directory)", trainError("--checkpoint", "/proc/c.ckpt"));
  }
}
