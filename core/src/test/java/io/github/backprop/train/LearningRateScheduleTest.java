package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  private static final double BASE = 0.1;

  private static double[] rates(LearningRateSchedule schedule, int epochs) {
    double[] r = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      r[e] = schedule.learningRate(e, BASE);
    }
    return r;
  }

  private static void assertRates(double[] expected, LearningRateSchedule schedule) {
    double[] actual = rates(schedule, expected.length);
    for (int e = 0; e < expected.length; e++) {
      assertEquals(expected[e], actual[e], 1e-15, "epoch index " + e + " of " + schedule);
    }
  }

  @Test
  void constant_anyEpoch_isTheBase() {
    assertRates(new double[] {0.1, 0.1, 0.1}, LearningRateSchedule.constant());
  }

  @Test
  void step_everyTwoEpochsHalf_matchesTorchStepLr() {
    assertRates(new double[] {0.1, 0.1, 0.05, 0.05, 0.025, 0.025},
        LearningRateSchedule.step(2, 0.5));
  }

  @Test
  void multiStep_milestonesTwoAndFive_dropsAtEachMilestone() {
    assertRates(new double[] {0.1, 0.1, 0.01, 0.01, 0.01, 0.001, 0.001},
        LearningRateSchedule.multiStep(new int[] {2, 5}, 0.1));
  }

  @Test
  void exponential_gammaHalf_halvesEveryEpoch() {
    assertRates(new double[] {0.1, 0.05, 0.025, 0.0125}, LearningRateSchedule.exponential(0.5));
  }

  @Test
  void cosineAnnealing_quarterPoints_matchHandValues() {
    double min = 0.02;
    double half = (BASE - min) / 2;
    assertRates(new double[] {
        BASE, min + half * (1 + Math.sqrt(0.5)), min + half, min + half * (1 - Math.sqrt(0.5)),
        min, min + half * (1 - Math.sqrt(0.5))},
        LearningRateSchedule.cosineAnnealing(4, min));
  }

  /** torch's recursive (chainable) CosineAnnealingLR update, which its closed form must match. */
  @Test
  void cosineAnnealing_closedForm_agreesWithTorchsRecursiveForm() {
    int tMax = 7;
    double min = 0.001;
    LearningRateSchedule schedule = LearningRateSchedule.cosineAnnealing(tMax, min);
    double lr = BASE;
    for (int e = 1; e <= tMax; e++) {
      lr = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax))
          * (lr - min) + min;
      assertEquals(lr, schedule.learningRate(e, BASE), 1e-15, "epoch index " + e);
    }
  }

  @Test
  void linear_thirdToFullOverThreeEpochs_risesThenHolds() {
    assertRates(new double[] {0.1 / 3, 0.1 * 5 / 9, 0.1 * 7 / 9, 0.1, 0.1},
        LearningRateSchedule.linear(1.0 / 3, 1.0, 3));
  }

  @Test
  void warmUp_thenStep_warmsForTwoEpochsThenStepsFromZero() {
    LearningRateSchedule schedule =
        LearningRateSchedule.warmUp(2, 0.5, LearningRateSchedule.step(1, 0.5));
    assertRates(new double[] {0.05, 0.075, 0.1, 0.05, 0.025}, schedule);
  }

  @Test
  void warmUp_thenCosine_reachesTheMinimumAtItsEnd() {
    LearningRateSchedule schedule =
        LearningRateSchedule.warmUp(3, 0.1, LearningRateSchedule.cosineAnnealing(5, 0.0));
    assertEquals(0.01, schedule.learningRate(0, BASE), 1e-15);
    assertEquals(BASE, schedule.learningRate(3, BASE), 1e-15);
    assertEquals(0.0, schedule.learningRate(8, BASE), 1e-15);
  }

  @Test
  void multiStep_milestonesNotIncreasing_namesTheOffendingPair() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.multiStep(new int[] {3, 5, 5}, 0.1));
    assertEquals("multi-step schedule: milestones must be strictly increasing, but milestones[2]"
        + " = 5 follows 5 in [3, 5, 5]", e.getMessage());
  }

  @Test
  void multiStep_decreasingMilestones_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.multiStep(new int[] {4, 2}, 0.1));
    assertEquals("multi-step schedule: milestones must be strictly increasing, but milestones[1]"
        + " = 2 follows 4 in [4, 2]", e.getMessage());
  }

  @Test
  void multiStep_noMilestones_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.multiStep(new int[0], 0.1));
    assertEquals("multi-step schedule: give at least one milestone", e.getMessage());
  }

  @Test
  void multiStep_milestoneZero_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRateSchedule.multiStep(new int[] {0, 3}, 0.1));
    assertEquals("multi-step schedule: milestones[0] must be at least 1, got 0", e.getMessage());
  }

  @Test
  void step_nonPositiveGammaOrStepSize_rejected() {
    assertEquals("step schedule: gamma must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(2, 0))
            .getMessage());
    assertEquals("step schedule: stepSize must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.5))
            .getMessage());
  }

  @Test
  void exponential_negativeGamma_rejected() {
    assertEquals("exponential schedule: gamma must be positive and finite, got -0.5",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.exponential(-0.5)).getMessage());
  }

  @Test
  void cosineAnnealing_badArguments_rejected() {
    assertEquals("cosine annealing schedule: tMax must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.cosineAnnealing(0, 0)).getMessage());
    assertEquals("cosine annealing schedule: minLearningRate must be at least 0 and finite,"
            + " got -1.0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.cosineAnnealing(5, -1)).getMessage());
  }

  @Test
  void linear_badFactorsOrEpochs_rejected() {
    assertEquals("linear schedule: startFactor must be in (0, 1], got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.linear(0, 1, 3)).getMessage());
    assertEquals("linear schedule: endFactor must be in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.linear(0.5, 1.5, 3)).getMessage());
    assertEquals("linear schedule: epochs must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.warmUp(0, 0.5, LearningRateSchedule.constant()))
            .getMessage());
  }

  @Test
  void then_milestoneZero_rejected() {
    assertEquals("sequential schedule: milestone must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class,
            () -> LearningRateSchedule.constant().then(0, LearningRateSchedule.constant()))
            .getMessage());
  }

  @Test
  void toString_warmUpThenStep_describesBothParts() {
    assertEquals("linear(startFactor=0.5, endFactor=1.0, epochs=2) for 2 epochs, then"
            + " step(stepSize=1, gamma=0.5)",
        LearningRateSchedule.warmUp(2, 0.5, LearningRateSchedule.step(1, 0.5)).toString());
  }
}
