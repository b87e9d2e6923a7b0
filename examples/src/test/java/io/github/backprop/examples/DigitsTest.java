package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digits example with its documented settings, in full. */
class DigitsTest {
  @Test
  void run_documentedSettings_reachesAtLeast97PercentOnTheStratifiedTestSet(@TempDir Path dir)
      throws Exception {
    Output output = new Output();
    Digits.Result r = Digits.run(Digits.EPOCHS, dir, output.stream);

    assertTrue(r.testAccuracy() >= 0.97, "stratified test accuracy " + r.testAccuracy());
    assertTrue(r.newWritersAccuracy() >= 0.85 && r.newWritersAccuracy() < r.testAccuracy(),
        "last-360 accuracy " + r.newWritersAccuracy());
    assertEquals(String.format("test accuracy: %.1f%%", 100 * r.testAccuracy()),
        output.lastLine());
    assertTrue(output.text().contains("true\\pred"), "prints the confusion matrix");
    Output.assertPng(dir.resolve("digits.png"), 2 * Plots.WIDTH, Plots.HEIGHT);
  }
}
