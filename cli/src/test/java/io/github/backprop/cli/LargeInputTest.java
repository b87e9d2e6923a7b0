package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too large to hold in memory (huge files, /dev/zero, endless pipes) are refused with one
 * line, after reading no more than the cap, instead of running out of memory.
 */
class LargeInputTest {
  private static final Path DEV_ZERO = Path.of("/dev/zero");

  @TempDir Path dir;

  private static String tooLarge(Path file) {
    return file + ": more than 256 MiB; a spec, a model or a file of input rows may hold at most"
        + " that much JSON";
  }

  @Test
  void specLargerThanTheCap_isRefusedBeforeReading() throws IOException {
    Path big = dir.resolve("big.json");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(Json.MAX_BYTES + 1); // sparse: no disk space, nothing to read
    }
    assertEquals(tooLarge(big), Cli.run("gradients", big.toString()).error());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void specFromAnEndlessPipe_isRefusedAtTheCap() throws Exception {
    Path fifo = dir.resolve("endless.json");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    Thread writer = new Thread(() -> {
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      try (OutputStream out = Files.newOutputStream(fifo)) {
        while (true) {
          out.write(spaces);
        }
      } catch (IOException e) {
        // The reader stopped at the cap and closed its end of the pipe.
      }
    });
    writer.setDaemon(true);
    writer.start();
    assertEquals(tooLarge(fifo), Cli.run("gradients", fifo.toString()).error());
  }

  @Test
  void devZeroAsSpec_isRefused() {
    assumeTrue(Files.isReadable(DEV_ZERO));
    assertEquals("/dev/zero:1:2: Illegal character ((CTRL-CHAR, code 0)): only regular white"
        + " space (\\r, \\n, \\t) is allowed between tokens",
        Cli.run("gradients", DEV_ZERO.toString()).error());
  }

  @Test
  void devZeroAsCsvData_isRefusedAtTheFirstLine() {
    assumeTrue(Files.isReadable(DEV_ZERO));
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR.replace(
        "\"data\": {\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}",
        "\"data\": {\"csv\": \"/dev/zero\", \"targets\": [\"y\"]}"));
    assertEquals("/dev/zero:1: expected a row of at most 16777216 characters, found a longer one;"
        + " is this a CSV text file?", Cli.run("gradients", spec.toString()).error());
  }
}
