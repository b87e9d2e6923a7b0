package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.data.Synthetic;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Checkpoint;
import io.github.backprop.train.CheckpointFile;
import io.github.backprop.train.Checkpointing;
import io.github.backprop.train.EarlyStopping;
import io.github.backprop.train.LearningRateSchedule;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.ProgressBar;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's training section, verbatim between the markers, on the two-moons data. */
class ReadmeTrainingTest {
  @TempDir Path dir;

  @Test
  void trainingSection_trainsValidatesAndCheckpoints() throws Exception {
    Components components = Backprop.components();
    Split split = Splits.stratified(Synthetic.moons(400, 0.1, 1), 0.25, 1);
    Dataset train = split.train();
    Dataset test = split.test();
    Network network = components.network("2-16-16-2", "tanh", "softmax", 3);
    Loss loss = components.loss("cross_entropy");
    Path checkpointFile = dir.resolve("run.ckpt");

    // README training begins
    Trainer trainer = Trainer.builder()
        .loss(loss).optimizer(components.optimizer("adam", Map.of("learningRate", 0.01)))
        .epochs(100).batchSize(32).shuffle(42)
        .schedule(LearningRateSchedule.warmUp(5, 0.1, LearningRateSchedule.cosineAnnealing(95, 0)))
        .clipGradientNorm(1.0)
        .validation(test).metric(Metrics.accuracy())
        .listener(ProgressBar.toConsole())
        .listener(EarlyStopping.onValidationLoss(10))
        .listener(Checkpointing.every(5, CheckpointFile.writer(checkpointFile)))
        .build();
    TrainingHistory history = trainer.fit(network, train);
    // README training ends

    double accuracy = Metrics.accuracy(network.predict(test.inputs()), test.targets());
    assertTrue(accuracy >= 0.95, "moons test accuracy " + accuracy);
    assertTrue(history.finalLoss() < history.epochs().get(0).meanLoss());
    assertTrue(Files.exists(checkpointFile));
    Checkpoint checkpoint = CheckpointFile.read(checkpointFile);
    assertEquals(0, checkpoint.epoch() % 5);
  }
}
