package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExamplesTest {
  private final Output out = new Output();
  private final Output err = new Output();

  @Test
  void run_noArguments_listsEveryExampleOnOneLine() throws Exception {
    assertEquals(0, Examples.run(new String[0], out.stream, err.stream));

    String[] lines = out.text().split("\\R");
    assertEquals(Examples.ALL.size() + 1, lines.length, out.text());
    for (int i = 0; i < Examples.ALL.size(); i++) {
      assertTrue(lines[i + 1].trim().startsWith(Examples.ALL.get(i).name() + " "), lines[i + 1]);
    }
  }

  @Test
  void run_unknownName_listsTheExamplesAndFails() throws Exception {
    assertEquals(2, Examples.run(new String[] {"xro"}, out.stream, err.stream));

    assertTrue(err.text().startsWith("no example named \"xro\""), err.text());
    assertTrue(err.text().contains("  xor "), err.text());
  }

  @Test
  void run_unknownOption_namesItAndTheKnownOnes() throws Exception {
    assertEquals(2, Examples.run(new String[] {"xor", "--epoch", "5"}, out.stream, err.stream));

    assertEquals("xor: unknown argument \"--epoch\"; known options: --epochs",
        err.text().trim());
  }

  @Test
  void run_argumentToAnExampleWithoutOptions_saysItTakesNone() throws Exception {
    assertEquals(2, Examples.run(new String[] {"bp-equations", "3"}, out.stream, err.stream));

    assertEquals("bp-equations: unknown argument \"3\"; it takes no options", err.text().trim());
  }

  @Test
  void run_badOptionValue_namesTheOptionAndTheValue() throws Exception {
    assertEquals(2, Examples.run(new String[] {"xor", "--epochs", "0"}, out.stream, err.stream));

    assertEquals("xor: --epochs expects a whole number of at least 1, got \"0\"",
        err.text().trim());
  }

  @Test
  void run_optionWithoutValue_saysSo() throws Exception {
    assertEquals(2, Examples.run(new String[] {"sine", "--out"}, out.stream, err.stream));

    assertEquals("sine: --out needs a value", err.text().trim());
  }
}
