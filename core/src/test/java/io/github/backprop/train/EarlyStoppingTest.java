package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  private final Network network = TrainTestDoubles.network(1);

  private TrainingRun run(boolean validation, List<String> metrics) {
    return new TrainingRun(network, new TrainTestDoubles.PlainSgd(0.1),
        TrainTestDoubles.loss(), 0, 10, 1, 4, validation, metrics);
  }

  private static EpochSummary validationLoss(int epoch, double value) {
    return new EpochSummary(epoch, 1.0, value, Map.of(), 0.1);
  }

  /** Marks the network's weights with the epoch number, as if training had changed them. */
  private void trainTo(int epoch) {
    network.parameters().forEach(p -> p.value().fillInPlace(epoch));
  }

  @Test
  void onEpochEnd_noImprovementForPatienceEpochs_requestsStopWithTheReason() {
    TrainingRun run = run(true, List.of());
    EarlyStopping stopping = EarlyStopping.onValidationLoss(2);
    stopping.onTrainingStart(run);
    double[] losses = {1.0, 0.8, 0.9, 0.85};
    for (int e = 1; e <= 3; e++) {
      stopping.onEpochEnd(validationLoss(e, losses[e - 1]));
      assertFalse(run.stopRequested(), "after epoch " + e);
    }

    stopping.onEpochEnd(validationLoss(4, losses[3]));

    assertTrue(run.stopRequested());
    assertEquals("early stopping: the validation loss has not improved for 2 epochs (best 0.8 at"
        + " epoch 2)", run.stopReason());
    assertEquals(2, stopping.bestEpoch());
    assertEquals(0.8, stopping.bestValue());
  }

  @Test
  void onTrainingEnd_restoreBestWeights_putsBackTheBestEpochsWeights() {
    TrainingRun run = run(true, List.of());
    EarlyStopping stopping = EarlyStopping.onValidationLoss(5);
    stopping.onTrainingStart(run);
    double[] losses = {1.0, 0.5, 0.7};
    for (int e = 1; e <= 3; e++) {
      trainTo(e);
      stopping.onEpochEnd(validationLoss(e, losses[e - 1]));
    }

    stopping.onTrainingEnd(new TrainingHistory(List.of()));

    for (Tensor t : network.parameterValues()) {
      for (double v : t.data()) {
        assertEquals(2.0, v);
      }
    }
  }

  @Test
  void onTrainingEnd_restoreDisabled_keepsTheLastWeights() {
    TrainingRun run = run(true, List.of());
    EarlyStopping stopping = EarlyStopping.onValidationLoss(5).restoreBestWeights(false);
    stopping.onTrainingStart(run);
    trainTo(1);
    stopping.onEpochEnd(validationLoss(1, 0.5));
    trainTo(2);
    stopping.onEpochEnd(validationLoss(2, 0.9));

    stopping.onTrainingEnd(new TrainingHistory(List.of()));

    assertEquals(2.0, network.parameters().get(0).value().get(0));
  }

  @Test
  void onEpochEnd_improvementSmallerThanMinDelta_doesNotCount() {
    TrainingRun run = run(true, List.of());
    EarlyStopping stopping = EarlyStopping.onValidationLoss(1).minDelta(0.1);
    stopping.onTrainingStart(run);
    stopping.onEpochEnd(validationLoss(1, 1.0));
    stopping.onEpochEnd(validationLoss(2, 0.95));
    assertTrue(run.stopRequested());
    assertEquals(1, stopping.bestEpoch());
  }

  @Test
  void onEpochEnd_metricWhereHigherIsBetter_tracksTheMaximum() {
    TrainingRun run = run(true, List.of("accuracy"));
    EarlyStopping stopping = EarlyStopping.onMetric("accuracy", true, 1);
    stopping.onTrainingStart(run);
    stopping.onEpochEnd(new EpochSummary(1, 1, 1, Map.of("accuracy", 0.6), 0.1));
    stopping.onEpochEnd(new EpochSummary(2, 1, 1, Map.of("accuracy", 0.8), 0.1));
    assertFalse(run.stopRequested());
    stopping.onEpochEnd(new EpochSummary(3, 1, 1, Map.of("accuracy", 0.7), 0.1));
    assertTrue(run.stopRequested());
    assertEquals(2, stopping.bestEpoch());
    assertEquals("early stopping: validation accuracy has not improved for 1 epoch (best 0.8 at"
        + " epoch 2)", run.stopReason());
  }

  @Test
  void onTrainingStart_noValidationSet_explainsHowToAddOne() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> EarlyStopping.onValidationLoss(3).onTrainingStart(run(false, List.of())));
    assertEquals("early stopping watches the validation loss, but the trainer has no validation"
        + " set; add one with Trainer.Builder.validation(data)", e.getMessage());
  }

  @Test
  void onTrainingStart_metricNotComputed_listsTheComputedOnes() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> EarlyStopping.onMetric("f1", true, 3)
            .onTrainingStart(run(true, List.of("accuracy"))));
    assertEquals("early stopping watches the metric \"f1\", but the trainer computes [accuracy];"
        + " add it with Trainer.Builder.metric(...)", e.getMessage());
  }

  @Test
  void factories_badPatienceOrMinDelta_rejected() {
    assertEquals("early stopping: patience must be at least 0, got -1",
        assertThrows(IllegalArgumentException.class,
            () -> EarlyStopping.onValidationLoss(-1)).getMessage());
    assertEquals("early stopping: minDelta must be at least 0 and finite, got -0.1",
        assertThrows(IllegalArgumentException.class,
            () -> EarlyStopping.onValidationLoss(1).minDelta(-0.1)).getMessage());
  }

  @Test
  void fit_withEarlyStopping_stopsAndLeavesTheBestValidationWeights() {
    // A learning rate far too large makes the validation loss wander instead of settling.
    Network trained = TrainTestDoubles.network(8);
    EarlyStopping stopping = EarlyStopping.onValidationLoss(2);
    AtomicReference<List<Tensor>> best = new AtomicReference<>();
    TrainingListener snapshot = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochSummary summary) {
        if (summary.epoch() == stopping.bestEpoch()) {
          best.set(trained.parameterValues());
        }
      }
    };
    TrainingHistory history = Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(3.0)).epochs(50).batchSize(2)
        .validation(TrainTestDoubles.line(12).slice(8, 12)).listener(stopping)
        .listener(snapshot).build()
        .fit(trained, TrainTestDoubles.line(8));

    assertTrue(history.stoppedEarly(), "history: " + history);
    assertEquals(stopping.bestEpoch() + 2, history.epochs().size());
    assertTrue(stopping.bestEpoch() < history.epochs().size());
    assertEquals(best.get(), trained.parameterValues());
  }
}
