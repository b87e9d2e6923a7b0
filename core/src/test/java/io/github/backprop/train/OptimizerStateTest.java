package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {
  private static OptimizerState sample() {
    return OptimizerState.builder("adam").scalar("step", 3)
        .array("layers[0].weights", "exp_avg", new double[] {1, 2})
        .array("layers[0].weights", "exp_avg_sq", new double[] {3, 4})
        .array("layers[0].bias", "exp_avg", new double[] {5})
        .build();
  }

  @Test
  void accessors_returnWhatWasAddedInOrder() {
    OptimizerState s = sample();
    assertEquals("adam", s.optimizer());
    assertEquals(3.0, s.scalar("step"));
    assertEquals(List.of("layers[0].weights", "layers[0].bias"), s.parameterNames());
    assertEquals(List.of("exp_avg", "exp_avg_sq"), s.slotNames("layers[0].weights"));
    assertArrayEquals(new double[] {3, 4}, s.array("layers[0].weights", "exp_avg_sq"));
    assertEquals(List.of(), s.slotNames("nothing"));
  }

  @Test
  void arrays_areCopiedInAndOut() {
    double[] values = {1, 2};
    OptimizerState s = OptimizerState.builder("adam").array("w", "exp_avg", values).build();
    values[0] = 99;
    s.array("w", "exp_avg")[1] = 99;
    s.arrays().get("w").get("exp_avg")[0] = 99;
    assertArrayEquals(new double[] {1, 2}, s.array("w", "exp_avg"));
  }

  @Test
  void equals_comparesArrayContents() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    OptimizerState other = OptimizerState.builder("adam").scalar("step", 3)
        .array("layers[0].weights", "exp_avg", new double[] {1, 2})
        .array("layers[0].weights", "exp_avg_sq", new double[] {3, 4.5})
        .array("layers[0].bias", "exp_avg", new double[] {5})
        .build();
    assertNotEquals(sample(), other);
  }

  @Test
  void isEmpty_onlyWithoutScalarsAndArrays() {
    assertTrue(OptimizerState.builder("sgd").build().isEmpty());
    assertEquals(false, sample().isEmpty());
  }

  @Test
  void scalar_absent_listsThoseThatExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sample().scalar("mu_product"));
    assertEquals("adam state: no scalar \"mu_product\"; it has [step]", e.getMessage());
  }

  @Test
  void array_absentSlotOrParameter_namesWhatExists() {
    assertEquals("adam state: parameter layers[0].bias has no exp_avg_sq array; it has [exp_avg]",
        assertThrows(IllegalArgumentException.class,
            () -> sample().array("layers[0].bias", "exp_avg_sq")).getMessage());
    assertEquals("adam state: no arrays for parameter layers[9].bias; it has them for"
            + " [layers[0].weights, layers[0].bias]",
        assertThrows(IllegalArgumentException.class,
            () -> sample().array("layers[9].bias", "exp_avg")).getMessage());
  }

  @Test
  void builder_duplicateEntries_rejected() {
    assertEquals("adam state: scalar step added twice",
        assertThrows(IllegalArgumentException.class,
            () -> OptimizerState.builder("adam").scalar("step", 1).scalar("step", 2))
            .getMessage());
    assertEquals("adam state: exp_avg of parameter w added twice",
        assertThrows(IllegalArgumentException.class,
            () -> OptimizerState.builder("adam").array("w", "exp_avg", new double[1])
                .array("w", "exp_avg", new double[1])).getMessage());
  }

  @Test
  void defaultRestore_statelessOptimizer_acceptsEmptyAndRejectsAnythingElse() {
    Optimizer stateless = new TrainTestDoubles.PlainSgd(0.1);
    stateless.restore(stateless.state());
    assertEquals("plain_sgd: this optimizer keeps no state, but the given state holds scalars"
            + " [step] and arrays for 2 parameters",
        assertThrows(IllegalArgumentException.class,
            () -> stateless.restore(OptimizerState.builder("plain_sgd").scalar("step", 3)
                .array("a", "m", new double[1]).array("b", "m", new double[1]).build()))
            .getMessage());
    assertEquals("plain_sgd: cannot restore a state saved by optimizer \"adam\"",
        assertThrows(IllegalArgumentException.class, () -> stateless.restore(sample()))
            .getMessage());
  }
}
