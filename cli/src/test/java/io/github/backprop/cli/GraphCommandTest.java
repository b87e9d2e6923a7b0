package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  @TempDir Path dir;

  private String graph(String spec) {
    Cli.Result result = Cli.run("graph", Cli.write(dir, "spec.json", spec).toString());
    assertEquals(Main.OK, result.status(), result.err());
    return result.out();
  }

  @Test
  void graph_mazur_isDotWithEveryValueAndOperation() {
    String out = graph(Cli.MAZUR);
    assertTrue(out.startsWith("digraph backprop {"), out);
    assertTrue(out.strip().endsWith("}"), out);
    // input, 2 x (weights, bias, z, a), target, loss
    assertEquals(11, count(out, "shape=record"));
    // 2 x (affine, sigmoid), loss
    assertEquals(5, count(out, "shape=ellipse"));
    assertTrue(out.contains("\"layers[0].z\" [shape=record, label=\"{layers[0].z | [1, 2] |"
        + " value [[0.3775, 0.3925]] | grad [[0.008771, 0.009954]]}\"];"), out);
    assertTrue(out.contains("\"layers[1].weights\" -> \"layers[1].z op\";"), out);
    assertTrue(out.contains("\"layers[0].a\" -> \"layers[1].z op\";"), out);
    assertTrue(out.contains("label=\"{loss | value 0.2984 | grad 1}\""), out);
  }

  @Test
  void graph_showsParametersBeforeAnyUpdate() {
    String out = graph(Cli.MAZUR);
    assertTrue(out.contains("value [[0.4, 0.45], [0.5, 0.55]]"), out);
  }

  @Test
  void graph_wideLayer_elidesPastFourNumbers() {
    double[] row = new double[10];
    Arrays.fill(row, 0.5);
    String weights = Arrays.toString(new String[] {Arrays.toString(row), Arrays.toString(row)});
    String out = graph(Cli.MAZUR.replace("\"inputs\": 2", "\"inputs\": 10")
        .replace("[[0.15, 0.20], [0.25, 0.30]]", weights)
        .replace("\"inputs\": [[0.05, 0.10]]", "\"inputs\": [" + Arrays.toString(row) + "]"));
    assertTrue(out.contains("{layers[0].weights | [2, 10] | value [0.5, 0.5, 0.5, 0.5, ..."
        + " (20 values)]"), out);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
