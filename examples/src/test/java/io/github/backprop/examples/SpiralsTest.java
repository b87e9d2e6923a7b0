package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpiralsTest {
  @Test
  void run_defaultSettings_separatesTheSpiralsAndDrawsTheBoundary(@TempDir Path dir)
      throws Exception {
    Spirals.Result r = Spirals.run(Spirals.EPOCHS, dir, new Output().stream);

    assertTrue(r.trainAccuracy() >= 0.97, "training accuracy " + r.trainAccuracy());
    assertTrue(r.testAccuracy() >= 0.9, "test accuracy " + r.testAccuracy());
    Output.assertPng(dir.resolve("spirals.png"), Plots.WIDTH, Plots.HEIGHT);
  }
}
