package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.gradcheck.GradientCheckResult;
import org.junit.jupiter.api.Test;

class GradientCheckExampleTest {
  @Test
  void run_soundNetworkPasses_buggyDerivativeIsNamed() {
    Output output = new Output();
    GradientCheckResult[] results = GradientCheckExample.run(output.stream);

    assertTrue(results[0].passed(GradientCheckExample.TOLERANCE), results[0].toString());
    assertFalse(results[1].passed(1e-3), results[1].toString());
    assertEquals("layers[1]", results[1].suspectLayer());
    assertEquals("buggy_sigmoid", results[1].suspectActivation());
    assertTrue(output.text().contains("PASSED") && output.text().contains("FAILED"),
        output.text());
  }
}
