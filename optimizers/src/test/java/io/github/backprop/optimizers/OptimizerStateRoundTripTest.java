package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.OptimizerState;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exporting state after some steps and restoring it into a fresh optimizer loses nothing. */
class OptimizerStateRoundTripTest {
  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Supplier<Optimizer>) () -> Optimizers.sgd(0.1)),
        Arguments.of("sgd momentum nesterov",
            (Supplier<Optimizer>) () -> new Sgd(0.1, 0.9, 0, true, 0.01)),
        Arguments.of("adam amsgrad", (Supplier<Optimizer>) () ->
            new Adam("adam", 0.05, 0.9, 0.99, 1e-8, 0.01, true, false)),
        Arguments.of("adamw", (Supplier<Optimizer>) () -> Optimizers.adamw(0.05)),
        Arguments.of("rmsprop centered momentum",
            (Supplier<Optimizer>) () -> new Rmsprop(0.01, 0.9, 1e-8, 0, 0.5, true)),
        Arguments.of("adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.1, 0.1, 0, 0.1, 1e-10)),
        Arguments.of("adadelta", (Supplier<Optimizer>) Optimizers::adadelta),
        Arguments.of("adamax", (Supplier<Optimizer>) () -> Optimizers.adamax(0.01)),
        Arguments.of("nadam", (Supplier<Optimizer>) () -> Optimizers.nadam(0.01)));
  }

  private static void steps(Optimizer optimizer, List<Parameter> parameters, int from, int to) {
    for (int t = from; t <= to; t++) {
      Steps.writeGradients(parameters, t);
      optimizer.step(parameters);
    }
  }

  private static List<Parameter> copies(List<Parameter> parameters) {
    return parameters.stream().map(p -> new Parameter(p.name(), p.value().copy())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restore_afterTwoSteps_nextStepsAreBitIdentical(String label, Supplier<Optimizer> make) {
    List<Parameter> straight = Steps.parameters();
    steps(make.get(), straight, 1, 5);

    List<Parameter> first = Steps.parameters();
    Optimizer before = make.get();
    steps(before, first, 1, 2);
    OptimizerState saved = before.state();
    Optimizer after = make.get();
    after.restore(saved);
    List<Parameter> resumed = copies(first);
    steps(after, resumed, 3, 5);

    for (int p = 0; p < straight.size(); p++) {
      assertArrayEquals(straight.get(p).value().data(), resumed.get(p).value().data(), label);
    }
    assertEquals(5.0, after.state().scalar("step"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void state_restoredButNotYetStepped_exportsWhatWasRestored(String label,
      Supplier<Optimizer> make) {
    Optimizer before = make.get();
    steps(before, Steps.parameters(), 1, 3);
    Optimizer after = make.get();
    after.restore(before.state());
    assertEquals(before.state(), after.state(), label);
  }

  @Test
  void state_adamAfterTwoSteps_holdsTorchSlotNamesPerParameter() {
    Optimizer adam = Optimizers.adam(0.1);
    steps(adam, Steps.parameters(), 1, 2);
    OptimizerState state = adam.state();
    assertEquals("adam", state.optimizer());
    assertEquals(Map.of("step", 2.0), state.scalars());
    assertEquals(List.of("layers[0].weights", "layers[0].bias"), state.parameterNames());
    assertEquals(List.of("exp_avg", "exp_avg_sq"), state.slotNames("layers[0].bias"));
    assertEquals(4, state.array("layers[0].weights", "exp_avg").length);
  }

  @Test
  void state_nadam_includesTheMuProduct() {
    Optimizer nadam = Optimizers.nadam(0.01);
    steps(nadam, Steps.parameters(), 1, 2);
    double mu1 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004));
    double mu2 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.008));
    assertEquals(mu1 * mu2, nadam.state().scalar("mu_product"), 1e-16);
  }

  @Test
  void restore_stateOfAnotherOptimizer_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.adam(0.1).restore(Optimizers.sgd(0.1).state()));
    assertEquals("adam: cannot restore a state saved by optimizer \"sgd\"", e.getMessage());
  }

  @Test
  void restore_stateSavedWithOtherSettings_namesTheSlots() {
    Optimizer plain = Optimizers.adam(0.1);
    steps(plain, Steps.parameters(), 1, 1);
    Optimizer amsgrad = new Adam("adam", 0.1, 0.9, 0.999, 1e-8, 0, true, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> amsgrad.restore(plain.state()));
    assertEquals("adam: restored state for layers[0].weights has slots [exp_avg, exp_avg_sq], but"
        + " this adam keeps [exp_avg, exp_avg_sq, max_exp_avg_sq] (saved with other settings?)",
        e.getMessage());
  }

  @Test
  void restore_arraysOfTheWrongSize_rejectedAtTheFirstStep() {
    Optimizer adam = Optimizers.adam(0.1);
    adam.restore(OptimizerState.builder("adam").scalar("step", 1)
        .array("layers[0].weights", "exp_avg", new double[3])
        .array("layers[0].weights", "exp_avg_sq", new double[3])
        .array("layers[0].bias", "exp_avg", new double[2])
        .array("layers[0].bias", "exp_avg_sq", new double[2]).build());
    List<Parameter> parameters = Steps.parameters();
    Steps.writeGradients(parameters, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.step(parameters));
    assertEquals("adam: restored exp_avg of layers[0].weights has 3 values, but the parameter"
        + " has 4", e.getMessage());
  }

  @Test
  void restore_missingParameter_rejectedAtTheFirstStep() {
    Optimizer adam = Optimizers.adam(0.1);
    adam.restore(OptimizerState.builder("adam").scalar("step", 1)
        .array("layers[0].weights", "exp_avg", new double[4])
        .array("layers[0].weights", "exp_avg_sq", new double[4]).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.step(Steps.parameters()));
    assertEquals("adam: restored state has no arrays for [layers[0].bias]; it has them for"
        + " [layers[0].weights]", e.getMessage());
  }

  @Test
  void restore_unknownParameter_rejected() {
    Optimizer adam = Optimizers.adam(0.1);
    adam.step(Steps.parameters());
    OptimizerState before = adam.state();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.restore(OptimizerState.builder("adam").scalar("step", 7)
            .array("layers[0].weights", "exp_avg", new double[4])
            .array("layers[0].weights", "exp_avg_sq", new double[4])
            .array("layers[7].weights", "exp_avg", new double[4])
            .array("layers[7].weights", "exp_avg_sq", new double[4]).build()));
    assertEquals("adam: restored state has arrays for layers[7].weights, which is not among the"
        + " parameters stepped: [layers[0].weights, layers[0].bias]", e.getMessage());
    assertEquals(before, adam.state(), "a rejected state changes nothing");
  }

  @Test
  void restore_nadamWithoutMuProduct_rejectedNamingIt() {
    Optimizer nadam = Optimizers.nadam(0.01);
    nadam.restore(OptimizerState.builder("nadam").scalar("step", 1)
        .array("layers[0].weights", "exp_avg", new double[4])
        .array("layers[0].weights", "exp_avg_sq", new double[4])
        .array("layers[0].bias", "exp_avg", new double[2])
        .array("layers[0].bias", "exp_avg_sq", new double[2]).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> nadam.step(Steps.parameters()));
    assertEquals("nadam state: no scalar \"mu_product\"; it has [step]", e.getMessage());
  }

  @Test
  void restore_unknownScalar_rejectedNamingTheOnesKept() {
    Optimizer nadam = Optimizers.nadam(0.01);
    nadam.step(Steps.parameters());
    OptimizerState before = nadam.state();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> nadam.restore(OptimizerState.builder("nadam").scalar("step", 1)
            .scalar("mu_product", 0.9).scalar("lr", 0.01).build()));
    assertEquals("nadam: restored state has scalars [step, mu_product, lr], but this nadam keeps"
        + " [step, mu_product] (saved by another version or with other settings?)",
        e.getMessage());
    assertEquals(before, nadam.state(), "a rejected state changes nothing");
    IllegalArgumentException sgd = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.sgd(0.1).restore(OptimizerState.builder("sgd").scalar("step", 0)
            .scalar("momentum", 0.9).build()));
    assertEquals("sgd: restored state has scalars [step, momentum], but this sgd keeps [step]"
        + " (saved by another version or with other settings?)", sgd.getMessage());
  }

  @Test
  void restore_negativeOrFractionalStep_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.adam(0.1).restore(
            OptimizerState.builder("adam").scalar("step", 1.5).build()));
    assertEquals("adam: restored state has step 1.5, expected a whole number at least 0",
        e.getMessage());
  }

  @Test
  void step_otherParametersThanTheFirstTime_rejected() {
    Optimizer adam = Optimizers.adam(0.1);
    adam.step(Steps.parameters());
    List<Parameter> other = Steps.parameters();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> adam.step(other));
    assertEquals("adam: step was called with other parameters than the first step (position 0"
        + " held layers[0].weights before, layers[0].weights now); an optimizer serves one"
        + " network, so create a new one for another", e.getMessage());
    IllegalStateException fewer = assertThrows(IllegalStateException.class,
        () -> adam.step(List.of(new Parameter("w", Tensor.zeros(1)))));
    assertEquals("adam: step was called with other parameters than the first step (2 parameters"
        + " before, 1 now); an optimizer serves one network, so create a new one for another",
        fewer.getMessage());
  }

  @Test
  void setLearningRate_negative_rejectedButZeroAllowed() {
    Optimizer adam = Optimizers.adam(0.1);
    adam.setLearningRate(0);
    assertEquals(0.0, adam.learningRate());
    assertEquals("adam: learningRate must be at least 0 and finite, got -0.1",
        assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(-0.1))
            .getMessage());
  }

  @Test
  void setLearningRate_takesEffectOnTheNextStep_andParametersKeepTheInitialRate() {
    Optimizer sgd = Optimizers.sgd(0.1);
    sgd.setLearningRate(0.5);
    double[][] w = Steps.afterOneStep(sgd);
    assertEquals(0.5 - 0.5 * Steps.gradient(0, 0, 0.5, 1), w[0][0], 1e-16);
    assertEquals(0.1, sgd.parameters().get("learningRate"));
  }
}
