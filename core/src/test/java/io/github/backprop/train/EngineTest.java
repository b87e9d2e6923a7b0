package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** What the engine asks of its plug-ins, verified with Mockito mocks. */
@ExtendWith(MockitoExtension.class)
class EngineTest {
  @Mock Optimizer optimizer;
  @Mock Activation activation;
  @Mock Loss loss;

  private static Dataset data(int rows) {
    double[][] x = new double[rows][2];
    double[][] y = new double[rows][1];
    for (int i = 0; i < rows; i++) {
      x[i][0] = i * 0.1;
      x[i][1] = 1 - i * 0.05;
      y[i][0] = i % 2;
    }
    return Dataset.of(x, y);
  }

  @Test
  void fit_givesOptimizerEveryParameterWithItsGradient_oncePerBatch() {
    Network network = Network.builder(2).dense(3, TestActivations.sigmoid())
        .dense(1, TestActivations.identity()).seed(1).build();
    List<List<Tensor>> gradientsSeen = new ArrayList<>();
    doAnswer(call -> {
      List<Parameter> params = call.getArgument(0);
      List<Tensor> grads = new ArrayList<>();
      for (Parameter p : params) {
        grads.add(p.grad().copy());
      }
      gradientsSeen.add(grads);
      return null;
    }).when(optimizer).step(any());

    Trainer.builder().loss(TestLosses.squaredError()).optimizer(optimizer)
        .epochs(2).batchSize(4).build().fit(network, data(10));

    // 10 rows in batches of 4: 3 batches (4, 4, 2) per epoch, 2 epochs
    verify(optimizer, times(6)).step(network.parameters());
    assertEquals(6, gradientsSeen.size());
    // the first call carries exactly the gradient of the first batch's mean loss at the start
    Network fresh = Network.builder(2).dense(3, TestActivations.sigmoid())
        .dense(1, TestActivations.identity()).seed(1).build();
    Dataset first = data(10).slice(0, 4);
    Gradients.compute(fresh, TestLosses.squaredError(), first.inputs(), first.targets());
    for (int i = 0; i < fresh.parameters().size(); i++) {
      assertEquals(fresh.parameters().get(i).grad(), gradientsSeen.get(0).get(i));
    }
  }

  @Test
  void backward_usesTheActivationsDerivative() {
    // a mock activation: f(z) = z forward, but it claims f'(z) = 3
    doAnswer(call -> {
      Tensor z = call.getArgument(0);
      Tensor a = call.getArgument(1);
      a.copyFromInPlace(z);
      return null;
    }).when(activation).forward(any(), any());
    doAnswer(call -> {
      Tensor upstream = call.getArgument(2);
      Tensor dz = call.getArgument(3);
      for (int i = 0; i < dz.size(); i++) {
        dz.data()[i] = 3 * upstream.get(i);
      }
      return null;
    }).when(activation).backward(any(), any(), any(), any());

    Tensor w = Tensor.of(new double[][] {{0.5, -0.25}});
    Tensor b = Tensor.vector(0.1);
    Network mocked = Network.builder(2).dense(activation, w, b).build();
    Network linear = Network.builder(2).dense(TestActivations.identity(), w, b).build();
    Tensor x = Tensor.of(new double[][] {{1, 2}, {3, -1}});
    Tensor y = Tensor.of(new double[][] {{0.3}, {-0.2}});
    Gradients.compute(mocked, TestLosses.squaredError(), x, y);
    Gradients.compute(linear, TestLosses.squaredError(), x, y);

    verify(activation, times(1)).backward(any(), any(), any(), any());
    double[] expected = linear.layers().get(0).weights().grad().data().clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] *= 3;
    }
    assertArrayEquals(expected, mocked.layers().get(0).weights().grad().data(), 1e-15);
    assertEquals(3 * linear.layers().get(0).bias().grad().get(0),
        mocked.layers().get(0).bias().grad().get(0), 1e-15);
  }

  @Test
  void compute_seedsBackwardWithTheLossGradient_andReturnsItsValue() {
    when(loss.value(any(), any(), any(), any())).thenReturn(0.75);
    doAnswer(call -> {
      Tensor grad = call.getArgument(2);
      grad.fillInPlace(1.0);
      return null;
    }).when(loss).gradient(any(), any(), any());
    Network network = Network.builder(2)
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{2, 3}}), Tensor.vector(0))
        .build();
    Tensor x = Tensor.of(new double[][] {{1, 2}, {4, 5}});
    Tensor y = Tensor.of(new double[][] {{0}, {0}});

    double value = Gradients.compute(network, loss, x, y);

    assertEquals(0.75, value);
    ArgumentCaptor<Tensor> z = ArgumentCaptor.forClass(Tensor.class);
    ArgumentCaptor<Tensor> output = ArgumentCaptor.forClass(Tensor.class);
    verify(loss).value(any(), z.capture(), output.capture(), any());
    assertEquals(Tensor.of(new double[][] {{8}, {23}}), z.getValue());
    assertEquals(Tensor.of(new double[][] {{8}, {23}}), output.getValue());
    verify(loss, atLeastOnce()).checkTargets(anyString(), any());
    // dL/dW = seed^T x = [1, 1] . [[1, 2], [4, 5]] = [5, 7]; dL/db = 2
    assertArrayEquals(new double[] {5, 7}, network.layers().get(0).weights().grad().data());
    assertEquals(2.0, network.layers().get(0).bias().grad().get(0));
  }

  @Test
  void compute_takesTheFusedPath_whenTheLossOffersOne() {
    doAnswer(call -> {
      Tensor delta = call.getArgument(4);
      delta.fillInPlace(0.5);
      return true;
    }).when(loss).gradientAtWeightedInput(any(), any(), any(), any(), any());
    Network network = Network.builder(1)
        .dense(TestActivations.sigmoid(), Tensor.of(new double[][] {{1}}), Tensor.vector(0))
        .build();

    Gradients.compute(network, loss, Tensor.of(new double[][] {{2}}),
        Tensor.of(new double[][] {{1}}));

    verify(loss, times(0)).gradient(any(), any(), any());
    // delta^L = 0.5 seeded at z, so the sigmoid's derivative is skipped: dW = 0.5 * x = 1
    assertEquals(1.0, network.layers().get(0).weights().grad().get(0));
    assertEquals(0.5, network.layers().get(0).bias().grad().get(0));
  }

  @Test
  void fit_shuffledBySeed_isReproducible_andDiffersFromDataOrder() {
    List<Tensor> a = trainedWeights(7L);
    List<Tensor> b = trainedWeights(7L);
    List<Tensor> inOrder = trainedWeights(null);
    assertEquals(a, b);
    assertNotEquals(a, inOrder);
  }

  private static List<Tensor> trainedWeights(Long shuffleSeed) {
    Network network = Network.builder(2).dense(3, TestActivations.sigmoid())
        .dense(1, TestActivations.identity()).seed(5).build();
    Trainer.Builder builder = Trainer.builder().loss(TestLosses.squaredError())
        .optimizer(io.github.backprop.testing.TestOptimizers.sgd(0.1)).epochs(3).batchSize(3);
    if (shuffleSeed != null) {
      builder.shuffle(shuffleSeed);
    }
    builder.build().fit(network, data(10));
    return network.parameterValues();
  }
}
