package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.doubleThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class TrainingListenerProtocolTest {
  private final Loss loss = TrainTestDoubles.loss();

  /** The loss of rows [from, to) under the network's current weights, computed apart. */
  private double lossOf(Network network, Dataset data, int from, int to) {
    Dataset part = data.slice(from, to);
    return loss.value(network.predict(part.inputs()), part.targets());
  }

  @Test
  void fit_twoEpochsOfTwoBatches_callsEveryCallbackInOrderWithItsArguments() {
    Dataset data = TrainTestDoubles.line(3);
    Dataset validation = TrainTestDoubles.line(5).slice(3, 5);
    Network network = TrainTestDoubles.network(11);
    Network twin = TrainTestDoubles.network(11);
    Optimizer optimizer = new TrainTestDoubles.PlainSgd(0.1);
    TrainingListener listener = mock(TrainingListener.class);
    Trainer trainer = Trainer.builder().loss(loss).optimizer(optimizer).epochs(2).batchSize(2)
        .validation(validation).metric(Metrics.accuracy()).listener(listener).build();
    double firstBatchLoss = lossOf(twin, data, 0, 2);

    TrainingHistory history = trainer.fit(network, data);

    InOrder order = inOrder(listener);
    order.verify(listener).onTrainingStart(argThat((TrainingRun run) -> run.network() == network
        && run.optimizer() == optimizer && run.loss() == loss && run.initialEpoch() == 0
        && run.epochs() == 2 && run.batchesPerEpoch() == 2 && run.samples() == 3
        && run.hasValidation() && run.metricNames().equals(List.of("accuracy"))));
    order.verify(listener).onEpochStart(1);
    order.verify(listener).onBatchEnd(eq(1), eq(1),
        doubleThat(l -> Math.abs(l - firstBatchLoss) <= 1e-15), eq(2));
    order.verify(listener).onBatchEnd(eq(1), eq(2), anyDouble(), eq(1));
    order.verify(listener).onEpochEnd(history.epochs().get(0));
    order.verify(listener).onEpochStart(2);
    order.verify(listener).onBatchEnd(eq(2), eq(1), anyDouble(), eq(2));
    order.verify(listener).onBatchEnd(eq(2), eq(2), anyDouble(), eq(1));
    order.verify(listener).onEpochEnd(history.epochs().get(1));
    order.verify(listener).onTrainingEnd(history);
    order.verifyNoMoreInteractions();
    EpochSummary last = history.epochs().get(1);
    assertEquals(2, last.epoch());
    assertEquals(lossOf(network, validation, 0, 2), last.validationLoss(), 1e-15);
    assertEquals(Metrics.accuracy(network.predict(validation.inputs()), validation.targets()),
        last.metric("accuracy"));
    assertEquals(0.1, last.learningRate());
  }

  @Test
  void fit_twoListeners_eachEventReachesThemInRegistrationOrder() {
    TrainingListener first = mock(TrainingListener.class);
    TrainingListener second = mock(TrainingListener.class);
    Trainer trainer = Trainer.builder().loss(loss)
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(1).batchSize(4)
        .listener(first).listener(second).build();

    trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(4));

    InOrder order = inOrder(first, second);
    order.verify(first).onTrainingStart(any(TrainingRun.class));
    order.verify(second).onTrainingStart(any(TrainingRun.class));
    order.verify(first).onEpochStart(1);
    order.verify(second).onEpochStart(1);
    order.verify(first).onBatchEnd(eq(1), eq(1), anyDouble(), eq(4));
    order.verify(second).onBatchEnd(eq(1), eq(1), anyDouble(), eq(4));
    order.verify(first).onEpochEnd(any());
    order.verify(second).onEpochEnd(any());
    order.verify(first).onTrainingEnd(any());
    order.verify(second).onTrainingEnd(any());
  }

  @Test
  void fit_listenerRequestsStopInEpochTwo_epochTwoFinishesAndNoThirdStarts() {
    TrainingListener stopper = mock(TrainingListener.class);
    List<TrainingRun> runs = new ArrayList<>();
    doAnswer(call -> runs.add(call.getArgument(0))).when(stopper)
        .onTrainingStart(any(TrainingRun.class));
    doAnswer(call -> {
      if (call.<Integer>getArgument(0) == 2) {
        runs.get(0).requestStop("enough");
      }
      return null;
    }).when(stopper).onEpochStart(any(Integer.class));
    Trainer trainer = Trainer.builder().loss(loss)
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(5).batchSize(2)
        .listener(stopper).build();

    TrainingHistory history = trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(4));

    assertEquals(2, history.epochs().size());
    assertEquals("enough", history.stopReason());
    InOrder order = inOrder(stopper);
    order.verify(stopper).onEpochStart(2);
    order.verify(stopper).onBatchEnd(eq(2), eq(2), anyDouble(), eq(2));
    order.verify(stopper).onEpochEnd(history.epochs().get(1));
    order.verify(stopper).onTrainingEnd(history);
    verify(stopper, never()).onEpochStart(3);
  }

  @Test
  void fit_resumedRun_startsAtTheEpochAfterInitialEpoch() {
    TrainingListener listener = mock(TrainingListener.class);
    Trainer trainer = Trainer.builder().loss(loss)
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(4).initialEpoch(2).batchSize(4)
        .listener(listener).build();

    TrainingHistory history = trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(4));

    InOrder order = inOrder(listener);
    order.verify(listener).onTrainingStart(
        argThat((TrainingRun run) -> run.initialEpoch() == 2 && run.epochs() == 4));
    order.verify(listener).onEpochStart(3);
    order.verify(listener).onEpochStart(4);
    verify(listener, never()).onEpochStart(1);
    assertEquals(List.of(3, 4), history.epochs().stream().map(EpochSummary::epoch).toList());
  }

  @Test
  void onTrainingStart_listenerWithTheShortForm_receivesEpochsToRunBatchesAndSamples() {
    int[] seen = new int[3];
    TrainingListener shortForm = new TrainingListener() {
      @Override
      public void onTrainingStart(int epochs, int batchesPerEpoch, int samples) {
        seen[0] = epochs;
        seen[1] = batchesPerEpoch;
        seen[2] = samples;
      }
    };
    Trainer trainer = Trainer.builder().loss(loss)
        .optimizer(new TrainTestDoubles.PlainSgd(0.1)).epochs(5).initialEpoch(2).batchSize(2)
        .listener(shortForm).build();

    trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(5));

    assertEquals(3, seen[0]);
    assertEquals(3, seen[1]);
    assertEquals(5, seen[2]);
  }
}
