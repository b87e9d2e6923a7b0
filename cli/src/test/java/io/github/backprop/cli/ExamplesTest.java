package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specs in docs/examples, which the documentation tells users to run. */
class ExamplesTest {
  /** Tests run in the cli module's directory. */
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @TempDir Path dir;

  @Test
  void mazur_traceShowsTheWorkedExample() {
    Cli.Result result = Cli.run("trace", EXAMPLES.resolve("mazur.json").toString());
    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(result.out().contains("C = 0.2983711088"), result.out());
  }

  @Test
  void contract_gradientsAndTrainRun() {
    String spec = EXAMPLES.resolve("contract.json").toString();
    assertEquals(Main.OK, Cli.run("gradients", spec).status());
    assertEquals(1, Cli.run("train", spec).json().get("history").size());
  }

  @Test
  void iris_trainsToHighValidationAccuracyAndPredictsSpecies() {
    Path model = dir.resolve("iris-model.json");
    JsonNode out = Cli.run("train", EXAMPLES.resolve("iris.json").toString(), "--save",
        model.toString()).json();
    JsonNode last = out.get("history").get(out.get("history").size() - 1);
    assertTrue(last.get("validationAccuracy").doubleValue() >= 0.9, last.toString());
    assertEquals("[\"setosa\",\"versicolor\",\"virginica\"]",
        out.get("network").get("classes").toString());
    JsonNode predicted = Cli.run("predict", model.toString(),
        EXAMPLES.resolve("iris-test.csv").toString()).json().get("predicted");
    assertEquals(30, predicted.size());
    assertEquals("setosa", predicted.get(0).textValue());
  }
}
