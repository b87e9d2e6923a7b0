package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SineTest {
  @Test
  void run_defaultSettings_fitsWithinAFewHundredthsAndDrawsThePlot(@TempDir Path dir)
      throws Exception {
    Output output = new Output();
    Sine.Result r = Sine.run(Sine.EPOCHS, dir, output.stream);

    assertTrue(r.largestError() < 0.05, "largest error " + r.largestError());
    Output.assertPng(dir.resolve("sine.png"), Plots.WIDTH, Plots.HEIGHT);
    assertTrue(output.text().contains(r.plot().toAbsolutePath().toString()), output.text());
  }
}
