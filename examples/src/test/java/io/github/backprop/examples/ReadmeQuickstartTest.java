package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's first example, verbatim between the markers, so the README cannot rot: the
 * plug-ins are found on the class path, XOR is learned, and the loss falls as the README says.
 */
class ReadmeQuickstartTest {
  @Test
  void quickstart_learnsXor() {
    // README quickstart begins
    Components components = Backprop.components();  // core + every plug-in on the class path
    Network network = components.network("2-4-1", "sigmoid", "sigmoid", 42);
    Dataset xor = Dataset.of(
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {0}});
    Trainer trainer = Trainer.builder()
        .loss(components.loss("squared_error"))
        .optimizer(components.optimizer("sgd", Map.of("learningRate", 2.0)))
        .epochs(3000)
        .batchSize(4)
        .build();
    TrainingHistory history = trainer.fit(network, xor);
    System.out.printf("loss %.4f -> %.6f%n", history.epochs().get(0).meanLoss(),
        history.finalLoss());
    System.out.println(network.predict(xor.inputs()));  // near 0, 1, 1, 0
    // README quickstart ends

    // the README quotes this line; if the numbers move, update the README with them
    assertEquals("loss 0.1277 -> 0.000506", String.format(Locale.ROOT,
        "loss %.4f -> %.6f", history.epochs().get(0).meanLoss(), history.finalLoss()));
    assertTrue(history.epochs().get(0).meanLoss() > 0.1, "starts far from XOR");
    assertTrue(history.finalLoss() < 1e-3, "final loss " + history.finalLoss());
    Tensor out = network.predict(xor.inputs());
    for (int i = 0; i < 4; i++) {
      assertEquals(xor.targets().get(i, 0), out.get(i, 0), 0.1, "row " + i);
    }
  }
}
