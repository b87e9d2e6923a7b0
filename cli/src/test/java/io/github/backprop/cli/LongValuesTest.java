package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error lines stay short whatever the input holds: a long value is shown by its first 40
 * characters and its length, a long list by its first names and a count, and any line by its
 * first {@value Main#MAX_LINE} characters.
 */
class LongValuesTest {
  private static final String X40 = "x".repeat(40);

  @TempDir Path dir;

  private String gradientsError(String target, String replacement) {
    Path spec = Cli.write(dir, "spec.json", Cli.MAZUR.replace(target, replacement));
    return Cli.run("gradients", spec.toString()).error();
  }

  private Path spec() {
    return dir.resolve("spec.json");
  }

  @Test
  void longStringInTheSpec_isShownByItsStartAndLength() {
    assertEquals(spec() + ": training.shuffle: expected true or false, got \"" + X40 + "...\""
        + " (5000 characters)",
        gradientsError("\"shuffle\": false", "\"shuffle\": \"" + "x".repeat(5000) + "\""));
  }

  @Test
  void longFieldName_isShortenedInThePath() {
    String error = gradientsError("\"seed\": 7", "\"" + "x".repeat(50_000) + "\": 7");
    assertEquals(spec() + ": " + X40 + "... (50000 characters): unknown field; known fields"
        + " here: format, seed, network, loss, optimizer, data, training", error);
  }

  @Test
  void longNumber_isShownByItsStartAndLength() {
    assertEquals(spec() + ": seed: expected a whole number from -9223372036854775808 to"
        + " 9223372036854775807, got " + "9".repeat(40) + "... (999 characters)",
        gradientsError("\"seed\": 7", "\"seed\": " + "9".repeat(999)));
  }

  @Test
  void longNumberOutOfRange_isShownByItsStartAndLength() {
    assertEquals(spec() + ": training.clipGradientNorm: expected a positive number, got -"
        + "9".repeat(39) + "... (301 characters)",
        gradientsError("\"shuffle\": false", "\"clipGradientNorm\": -" + "9".repeat(300)));
    assertEquals(spec() + ": training.earlyStopping.minDelta: expected at least 0, got -"
        + "9".repeat(39) + "... (301 characters)", gradientsError("\"shuffle\": false",
            "\"earlyStopping\": {\"patience\": 1, \"minDelta\": -" + "9".repeat(300) + "}"));
  }

  @Test
  void longArgument_isShortened() {
    assertEquals("gradients: unexpected argument " + X40 + "... (100000 characters); usage:"
        + " backprop gradients SPEC", Cli.run("gradients", "a.json", "x".repeat(100_000)).error());
  }

  @Test
  void hugeCsvCell_isShownByItsStartAndLength() {
    Path csv = Cli.write(dir, "d.csv", "a,b,y1,y2\n" + "x".repeat(5_000_000) + ",1,0,1\n");
    assertEquals(csv + ":2: column 'a': expected a number, got '" + X40 + "...' (5000000"
        + " characters)", gradientsError(
            "\"data\": {\"inputs\": [[0.05, 0.10]], \"targets\": [[0.01, 0.99]]}",
            "\"data\": {\"csv\": \"d.csv\", \"targets\": [\"y1\", \"y2\"]}"));
  }

  @Test
  void anyErrorLine_isCutAtTheMaximum() {
    String line = "y".repeat(Main.MAX_LINE) + "\n" + "z".repeat(5000);
    assertEquals("y".repeat(Main.MAX_LINE) + "... (5001 more characters)", Main.oneLine(line));
  }

  @Test
  void errorEchoingAHugeCsvCell_fromAnyCommand_staysShort() {
    Path model = Cli.write(dir, "model.json", Cli.MAZUR);
    Path csv = Cli.write(dir, "in.csv", "a,b\n" + "x".repeat(5_000_000) + ",1\n");
    String error = Cli.run("predict", model.toString(), csv.toString()).error();
    assertTrue(error.startsWith(csv + ":2: ") && error.length() < Main.MAX_LINE + 40, error);
  }
}
