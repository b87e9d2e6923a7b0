package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's features: shuffling, schedules, clipping, validation, resuming, bad settings. */
class TrainingLoopTest {
  private final Loss loss = TrainTestDoubles.loss();

  private Trainer.Builder builder(Optimizer optimizer) {
    return Trainer.builder().loss(loss).optimizer(optimizer).batchSize(3);
  }

  @Test
  void shuffle_sameSeedAndEpoch_givesTheSamePermutationWhateverCameBefore() {
    int[] fresh = new int[10];
    Trainer.shuffle(fresh, 42, 3);
    int[] afterOthers = new int[10];
    Trainer.shuffle(afterOthers, 42, 1);
    Trainer.shuffle(afterOthers, 42, 2);
    Trainer.shuffle(afterOthers, 42, 3);

    assertArrayEquals(fresh, afterOthers);
    int[] sorted = fresh.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
  }

  @Test
  void shuffle_differentEpochsOrSeeds_giveDifferentOrders() {
    int[] a = new int[20];
    int[] b = new int[20];
    int[] c = new int[20];
    Trainer.shuffle(a, 42, 1);
    Trainer.shuffle(b, 42, 2);
    Trainer.shuffle(c, 43, 1);
    assertFalse(Arrays.equals(a, b));
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void fit_withSchedule_setsEachEpochsRateFromTheInitialRate() {
    TrainingHistory history = builder(new TrainTestDoubles.PlainSgd(0.2)).epochs(4)
        .schedule(LearningRateSchedule.step(1, 0.5)).build()
        .fit(TrainTestDoubles.network(3), TrainTestDoubles.line(6));

    assertArrayEquals(new double[] {0.2, 0.1, 0.05, 0.025},
        history.epochs().stream().mapToDouble(EpochSummary::learningRate).toArray());
  }

  @Test
  void fit_resumedWithSchedule_usesTheRatesOfTheResumedEpochs() {
    TrainingHistory history = builder(new TrainTestDoubles.PlainSgd(0.2)).epochs(4)
        .initialEpoch(2).schedule(LearningRateSchedule.step(1, 0.5)).build()
        .fit(TrainTestDoubles.network(3), TrainTestDoubles.line(6));

    assertArrayEquals(new double[] {0.05, 0.025},
        history.epochs().stream().mapToDouble(EpochSummary::learningRate).toArray());
  }

  @Test
  void fit_fourEpochsOrTwoThenTwoMore_endsWithIdenticalWeights() {
    Dataset data = TrainTestDoubles.line(10);
    LearningRateSchedule schedule = LearningRateSchedule.exponential(0.7);
    Network straight = TrainTestDoubles.network(5);
    builder(new TrainTestDoubles.PlainSgd(0.3)).epochs(4).shuffle(9).schedule(schedule).build()
        .fit(straight, data);

    Network first = TrainTestDoubles.network(5);
    builder(new TrainTestDoubles.PlainSgd(0.3)).epochs(2).shuffle(9).schedule(schedule).build()
        .fit(first, data);
    Network resumed = TrainTestDoubles.network(99);
    resumed.setParameterValues(first.parameterValues());
    builder(new TrainTestDoubles.PlainSgd(0.3)).epochs(4).initialEpoch(2).shuffle(9)
        .schedule(schedule).build().fit(resumed, data);

    assertEquals(straight.parameterValues(), resumed.parameterValues());
  }

  /** Records the gradients the optimizer is handed. */
  private static final class Recording implements Optimizer {
    final List<double[]> gradients = new ArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void step(List<Parameter> parameters) {
      List<Double> all = new ArrayList<>();
      for (Parameter p : parameters) {
        for (double g : p.grad().data()) {
          all.add(g);
        }
      }
      gradients.add(all.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  @Test
  void fit_clipGradientValue_optimizerSeesNoElementBeyondTheLimit() {
    Recording recording = new Recording();
    builder(recording).epochs(2).clipGradientValue(1e-3).build()
        .fit(TrainTestDoubles.network(2), TrainTestDoubles.line(6));

    boolean someAtLimit = false;
    for (double[] g : recording.gradients) {
      for (double v : g) {
        assertTrue(Math.abs(v) <= 1e-3, "gradient element " + v);
        someAtLimit |= Math.abs(v) == 1e-3;
      }
    }
    assertTrue(someAtLimit, "the limit is small enough to bind");
  }

  @Test
  void fit_clipGradientNorm_optimizerSeesGlobalNormAtMostTheLimit() {
    Recording recording = new Recording();
    builder(recording).epochs(2).clipGradientNorm(1e-3).build()
        .fit(TrainTestDoubles.network(2), TrainTestDoubles.line(6));

    for (double[] g : recording.gradients) {
      double norm = Math.sqrt(Arrays.stream(g).map(v -> v * v).sum());
      assertTrue(norm <= 1e-3 && norm > 0.999e-3, "global norm " + norm);
    }
  }

  @Test
  void fit_withValidation_summaryCarriesLossAndMetricsOfTheTrainedNetwork() {
    Dataset validation = Dataset.of(new double[][] {{0.1, 0.2}, {0.3, -0.4}},
        new double[][] {{0.2}, {1.6}});
    Network network = TrainTestDoubles.network(4);
    TrainingHistory history = builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(1)
        .validation(validation).metric(Metrics.accuracy()).build()
        .fit(network, TrainTestDoubles.line(6));

    Tensor outputs = network.predict(validation.inputs());
    EpochSummary summary = history.epochs().get(0);
    assertTrue(summary.hasValidation());
    assertEquals(loss.value(outputs, validation.targets()), summary.validationLoss());
    assertEquals(Metrics.accuracy(outputs, validation.targets()), summary.metric("accuracy"));
    assertArrayEquals(new double[] {summary.validationLoss()}, history.validationLosses());
  }

  @Test
  void fit_withoutValidation_summaryHasNaNValidationLossAndNoMetrics() {
    TrainingHistory history = builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(1).build()
        .fit(TrainTestDoubles.network(4), TrainTestDoubles.line(6));

    EpochSummary summary = history.epochs().get(0);
    assertFalse(summary.hasValidation());
    assertTrue(summary.metrics().isEmpty());
    assertEquals(Double.NaN, summary.metric("accuracy"));
  }

  @Test
  void fit_validationOfTheWrongWidth_namesValidationInputs() {
    Trainer trainer = builder(new TrainTestDoubles.PlainSgd(0.1))
        .validation(Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}})).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(4)));
    assertEquals("validation inputs: expected rows of 2 values (the network has 2 inputs), got"
        + " shape [1, 3]", e.getMessage());
  }

  @Test
  void fit_withoutShuffle_rowsInDataOrder_differsFromShuffledRun() {
    Dataset data = TrainTestDoubles.line(9);
    Network plain = TrainTestDoubles.network(6);
    Network shuffled = TrainTestDoubles.network(6);
    builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(1).build().fit(plain, data);
    builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(1).shuffle(1).build().fit(shuffled, data);
    assertNotEquals(plain.parameterValues(), shuffled.parameterValues());
  }

  @Test
  void build_metricWithoutValidation_rejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder(new TrainTestDoubles.PlainSgd(0.1)).metric(Metrics.accuracy()).build());
    assertEquals("Trainer: metrics are computed on the validation set; set validation(data) too",
        e.getMessage());
  }

  @Test
  void metric_sameNameTwice_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder(new TrainTestDoubles.PlainSgd(0.1)).metric(Metrics.accuracy())
            .metric(Metrics.accuracy()));
    assertEquals("Trainer: a metric named \"accuracy\" was already added", e.getMessage());
  }

  @Test
  void build_bothClippings_rejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder(new TrainTestDoubles.PlainSgd(0.1)).clipGradientNorm(1)
            .clipGradientValue(1).build());
    assertEquals("Trainer: choose one of clipGradientNorm and clipGradientValue, not both",
        e.getMessage());
  }

  @Test
  void build_initialEpochPastEpochs_explainsWhatEpochsMeans() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(2).initialEpoch(3).build());
    assertEquals("Trainer: initialEpoch 3 is past epochs 2; epochs is the number of the last"
        + " epoch, so to train n more after 3 set epochs(3 + n)", e.getMessage());
  }

  @Test
  void build_scheduleForOptimizerWithoutLearningRate_rejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder(new Recording()).schedule(LearningRateSchedule.constant()).build());
    assertEquals("Trainer: a schedule needs an optimizer with a learning rate, but recording"
        + " reports NaN", e.getMessage());
  }

  @Test
  void builder_badClipLimitOrInitialEpoch_rejected() {
    assertEquals("gradient clipping: maxNorm must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> Trainer.builder().clipGradientNorm(0)).getMessage());
    assertEquals("initialEpoch must be at least 0, got -1",
        assertThrows(IllegalArgumentException.class,
            () -> Trainer.builder().initialEpoch(-1)).getMessage());
  }

  @Test
  void toString_listsTheSettingsInUse() {
    Trainer trainer = builder(new TrainTestDoubles.PlainSgd(0.1)).epochs(4).initialEpoch(1)
        .shuffle(3).schedule(LearningRateSchedule.exponential(0.5)).clipGradientNorm(2).build();
    assertEquals("Trainer[loss=squared_error, optimizer=plain_sgd, epochs=4, initialEpoch=1,"
        + " batchSize=3, shuffle=seed 3, schedule=exponential(gamma=0.5),"
        + " clipGradientNorm=2.0]", trainer.toString());
  }
}
