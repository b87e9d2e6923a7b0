package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop.data.Dataset;
import io.github.backprop.inject.ComponentFactory;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.UnknownComponentException;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import io.github.backprop.testing.TestOptimizers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's mistakes fail early, with one message naming where, what was expected and found. */
class BadInputTest {
  private static Network network221() {
    return Network.builder(2).dense(2, TestActivations.sigmoid())
        .dense(1, TestActivations.identity()).build();
  }

  @Test
  void build_fanInDifferentFromPreviousWidth_namesLayerExpectedAndFound() {
    Network.Builder builder = Network.builder(2)
        .dense(2, TestActivations.sigmoid())
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{1, 2, 3}}), Tensor.vector(0));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, builder::build);
    assertEquals("layers[1].weights: expected shape [1, 2] (the previous layer has 2 units), "
        + "got [1, 3]", e.getMessage());
    assertEquals("[1, 2]", e.expected());
    assertEquals("[1, 3]", e.actual());
  }

  @Test
  void build_firstLayerFanInDifferentFromInputs_namesTheInputs() {
    Network.Builder builder = Network.builder(3)
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{1, 2}}), Tensor.vector(0));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, builder::build);
    assertEquals("layers[0].weights: expected shape [1, 3] (the network has 3 inputs), got [1, 2]",
        e.getMessage());
  }

  @Test
  void build_biasOfWrongLength_namesTheBias() {
    Network.Builder builder = Network.builder(2)
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{1, 2}}), Tensor.vector(0, 0));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, builder::build);
    assertEquals("layers[0].bias: expected shape [1] (the layer has 1 unit), got [2]",
        e.getMessage());
  }

  @Test
  void dense_zeroUnits_namesTheLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Network.builder(2).dense(4, TestActivations.sigmoid()).dense(0,
            TestActivations.sigmoid()));
    assertEquals("layers[1]: units must be at least 1, got 0", e.getMessage());
  }

  @Test
  void unknownPluginName_listsWhatIsRegistered_andTheClosestMatch() {
    ComponentFactory<Activation> sigmoid = p -> TestActivations.sigmoid();
    ComponentFactory<Activation> tanh = p -> TestActivations.tanh();
    ComponentRegistry<Activation> registry = new ComponentRegistry<>("activation",
        Map.of("sigmoid", sigmoid, "tanh", tanh), Activation::name);
    UnknownComponentException e = assertThrows(UnknownComponentException.class,
        () -> registry.get("sigmiod"));
    assertEquals("no activation named \"sigmiod\". Known activations: sigmoid, tanh. Did you mean "
        + "\"sigmoid\"? Activations come from installed Guice modules; if this is a custom one, "
        + "install its module or enable plug-in discovery.", e.getMessage());
    assertEquals(List.of("sigmoid", "tanh"), e.knownNames());
    assertEquals("activation", e.kind());
  }

  @Test
  void fit_inputRowsOfWrongWidth_namesExpectedAndFound() {
    Dataset data = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network221(), data));
    assertEquals("inputs: expected rows of 2 values (the network has 2 inputs), got shape [1, 3]",
        e.getMessage());
  }

  @Test
  void fit_targetRowsOfWrongWidth_namesExpectedAndFound() {
    Dataset data = Dataset.of(new double[][] {{1, 2}}, new double[][] {{1, 0}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network221(), data));
    assertEquals("targets: expected rows of 1 value (the output layer has 1 unit), got shape "
        + "[1, 2]", e.getMessage());
  }

  @Test
  void predict_rowsOfWrongWidth_namesExpectedAndFound() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> network221().predict(Tensor.of(new double[][] {{1}})));
    assertEquals("predict: expected rows of 2 values (the network has 2 inputs), got shape [1, 1]",
        e.getMessage());
  }

  @Test
  void batchSize_belowOne_namesTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(0));
    assertEquals("batchSize must be at least 1, got 0", e.getMessage());
    IllegalArgumentException pass = assertThrows(IllegalArgumentException.class,
        () -> network221().pass(-3));
    assertEquals("batchSize must be at least 1, got -3", pass.getMessage());
  }

  @Test
  void epochs_negative_namesTheArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().epochs(-1));
    assertEquals("epochs must be at least 0, got -1", e.getMessage());
  }

  @Test
  void fit_emptyData_saysSo() {
    Dataset data = new Dataset(Tensor.zeros(0, 2), Tensor.zeros(0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network221(), data));
    assertEquals("data: no rows", e.getMessage());
  }

  @Test
  void fit_divergingLoss_stopsBeforeTheUpdate_namingEpochBatchAndNode() {
    Network network = Network.builder(1)
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{1}}), Tensor.vector(0))
        .build();
    Dataset data = Dataset.of(new double[][] {{1}, {1e200}}, new double[][] {{0}, {0}});
    List<Tensor> before = network.parameterValues();
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> Trainer.builder().loss(TestLosses.squaredError()).optimizer(TestOptimizers.sgd(0.1))
            .batchSize(1).epochs(1).build().fit(network, data));
    assertEquals(1, e.epoch());
    assertEquals(2, e.batch());
    assertEquals("loss became Infinity at epoch 1, batch 2; the weights keep their values from "
        + "before this batch. Try a smaller learningRate, scaled inputs, or gradient clipping",
        e.getMessage());
    // batch 1 (x = 1, y = 0) updated w once: w = 1 - 0.1 * 1 * 1; batch 2 did not
    assertEquals(0.9, network.parameterValues().get(0).get(0), 1e-15);
    assertEquals(before.size(), network.parameterValues().size());
  }

  private static Trainer trainer(int batchSize) {
    return Trainer.builder().loss(TestLosses.squaredError()).optimizer(TestOptimizers.sgd(0.1))
        .batchSize(batchSize).build();
  }
}
