package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {
  @Test
  void fit_recordsEveryBatchLossAndEpoch_consistentWithTheReturnedHistory() {
    HistoryRecorder recorder = new HistoryRecorder();
    TrainingHistory history = Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(0.05)).epochs(30).batchSize(3)
        .listener(recorder).build()
        .fit(TrainTestDoubles.network(1), TrainTestDoubles.line(7));

    double[] batches = recorder.batchLosses();
    assertEquals(30 * 3, batches.length);
    assertEquals(history.epochs(), recorder.epochs());
    assertEquals(history.epochs(), recorder.history().epochs());
    double lastEpoch = (batches[87] * 3 + batches[88] * 3 + batches[89]) / 7;
    assertEquals(history.finalLoss(), lastEpoch, 1e-15);
    assertArrayEquals(history.losses(),
        recorder.epochs().stream().mapToDouble(EpochSummary::meanLoss).toArray());
  }

  @Test
  void onTrainingStart_secondRun_clearsTheFirst() {
    HistoryRecorder recorder = new HistoryRecorder();
    Trainer trainer = Trainer.builder().loss(TrainTestDoubles.loss())
        .optimizer(new TrainTestDoubles.PlainSgd(0.05)).epochs(2).batchSize(4)
        .listener(recorder).build();
    trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(8));
    double[] first = recorder.batchLosses();

    trainer.fit(TrainTestDoubles.network(1), TrainTestDoubles.line(8));

    assertEquals(4, recorder.batchLosses().length);
    assertEquals(2, recorder.epochs().size());
    assertEquals(4, first.length);
    assertEquals(Arrays.toString(first), Arrays.toString(recorder.batchLosses()));
  }
}
