package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the bar with a fake clock, so the output is exact. */
class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private TrainingRun run(int epochs, int batches, int samples) {
    return new TrainingRun(TrainTestDoubles.network(1), new TrainTestDoubles.PlainSgd(0.1),
        TrainTestDoubles.loss(), 0, epochs, batches, samples, false, List.of());
  }

  /** One epoch of batches of 10 rows each, every batch taking secondsPerBatch. */
  private void runEpoch(ProgressBar bar, int epoch, double secondsPerBatch, double... losses) {
    bar.onEpochStart(epoch);
    for (int b = 1; b <= losses.length; b++) {
      now += (long) (secondsPerBatch * 1e9);
      bar.onBatchEnd(epoch, b, losses[b - 1], 10);
    }
  }

  @Test
  void plainOutput_longBatches_printsPeriodicProgressAndOneLinePerEpoch() {
    ProgressBar bar = new ProgressBar(out, false, () -> now);
    bar.onTrainingStart(run(2, 3, 30));
    runEpoch(bar, 1, 6, 0.9, 0.7, 0.5);
    bar.onEpochEnd(new EpochSummary(1, 0.7, 0.65, Map.of("accuracy", 0.75), 0.1));

    assertEquals(String.join("\n",
        "epoch 1/2 2/3 loss 0.8000 2 samples/s ETA 0:24",
        "epoch 1/2 3/3 loss 0.7000 val_loss 0.6500 val_accuracy 0.7500 lr 0.1000 18.0s",
        ""), output().replace(System.lineSeparator(), "\n"));
    assertFalse(output().contains("\r"));
  }

  @Test
  void plainOutput_shortBatches_printsOnlyTheEpochLine() {
    ProgressBar bar = new ProgressBar(out, false, () -> now);
    bar.onTrainingStart(run(1, 3, 30));
    runEpoch(bar, 1, 0.5, 0.9, 0.7, 0.5);
    bar.onEpochEnd(new EpochSummary(1, 0.7));

    assertEquals("epoch 1/1 3/3 loss 0.7000 1.5s\n",
        output().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void terminalOutput_redrawsOneLineInPlaceThenEndsItAtTheEpoch() {
    ProgressBar bar = new ProgressBar(out, true, () -> now);
    bar.onTrainingStart(run(1, 3, 30));
    runEpoch(bar, 1, 1, 0.9, 0.7, 0.5);
    bar.onEpochEnd(new EpochSummary(1, 0.7));

    String[] draws = output().split("\r", -1);
    assertEquals("", draws[0]);
    assertEquals("epoch 1/1 [======>             ] 1/3 loss 0.9000 10 samples/s ETA 0:02",
        draws[1]);
    assertEquals("epoch 1/1 [=============>      ] 2/3 loss 0.8000 10 samples/s ETA 0:01",
        draws[2]);
    assertEquals("epoch 1/1 [====================] 3/3 loss 0.7000 10 samples/s ETA 0:00",
        draws[3]);
    String last = draws[4].replace(System.lineSeparator(), "\n");
    assertTrue(last.startsWith("epoch 1/1 3/3 loss 0.7000 3.0s   "), last);
    assertTrue(last.endsWith(" \n"), "the shorter line is padded over the longer one: " + last);
  }

  @Test
  void terminalOutput_batchesFasterThanTheRedrawInterval_drawsOnlyTheLastOne() {
    ProgressBar bar = new ProgressBar(out, true, () -> now);
    bar.onTrainingStart(run(1, 3, 30));
    runEpoch(bar, 1, 0.01, 0.9, 0.7, 0.5);

    assertEquals(1, output().chars().filter(c -> c == '\r').count());
    assertTrue(output().contains(" 3/3 "));
  }

  @Test
  void onTrainingEnd_stoppedEarly_printsTheReason() {
    ProgressBar bar = new ProgressBar(out, false, () -> now);
    bar.onTrainingEnd(new TrainingHistory(List.of(), "early stopping: no progress"));
    assertEquals("stopped: early stopping: no progress\n",
        output().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void duration_formatsMinutesAndHours() {
    assertEquals("0:42", ProgressBar.duration(42.4));
    assertEquals("2:05", ProgressBar.duration(125));
    assertEquals("1:00:01", ProgressBar.duration(3601));
  }
}
