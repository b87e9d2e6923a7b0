package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IrisTest {
  @Test
  void run_defaultSettings_classifiesAtLeast95PercentOfTheHeldOutFifth() throws Exception {
    Output output = new Output();
    double accuracy = Iris.run(Iris.EPOCHS, output.stream);

    assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
    assertEquals(String.format("test accuracy: %.1f%%", 100 * accuracy), output.lastLine());
    assertTrue(output.text().contains("[setosa, versicolor, virginica]"), output.text());
  }
}
