package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BpEquationsTest {
  @Test
  void run_equationsAndEngine_agreeForEveryLayer() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    double worst = BpEquations.run(new PrintStream(text, true, StandardCharsets.UTF_8));

    assertTrue(worst < 1e-15, "largest difference " + worst);
    String printed = text.toString(StandardCharsets.UTF_8);
    for (String expected : new String[] {"layer 3", "layer 2", "layer 1", "BP1  delta^3",
        "BP2  delta^2", "BP2  delta^1", "BP3  dC/db^1", "BP4  dC/dw^1_4k"}) {
      assertTrue(printed.contains(expected), "missing \"" + expected + "\" in\n" + printed);
    }
  }
}
