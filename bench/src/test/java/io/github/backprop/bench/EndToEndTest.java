package io.github.backprop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.graph.OpTimes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The e2e command's options and its profile table (never the full run). */
class EndToEndTest {
  @Test
  void profileTable_givesMicrosPerRunTheirTotalsAndTheRestOfTheStep() {
    List<OpTimes.Entry> entries = List.of(
        new OpTimes.Entry("layers[0].z", "affine", 3_000_000, 1_500_000, 3, 3),
        new OpTimes.Entry("layers[2].a", "softmax", 40_000, 0, 2, 0));

    String[] lines = EndToEnd.profileTable(entries, 2000).split("\\R");

    assertEquals(6, lines.length, String.join("\n", lines));
    assertEquals(List.of("layers[0].z", "affine", "1000.0", "500.0"), words(lines[2]));
    assertEquals(List.of("layers[2].a", "softmax", "20.0", "-"), words(lines[3]));
    assertEquals(List.of("all", "ops", "1020.0", "500.0"), words(lines[4]));
    assertEquals(List.of("rest", "of", "the", "step", "480.0"), words(lines[5]));
  }

  @Test
  void run_unknownOption_namesTheOptionsItTakes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EndToEnd.run(new String[] {"--profiel"}));

    assertTrue(e.getMessage().contains("--profiel") && e.getMessage().contains("--profile"),
        e.getMessage());
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }
}
