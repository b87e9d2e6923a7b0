package io.github.backprop.train;

import io.github.backprop.internal.Plural;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import java.util.List;

/**
 * One forward and backward pass: the loss of a batch and the gradient of its mean in every
 * parameter. The single place where the loss meets the graph, so the fused output gradient
 * (softmax + cross-entropy, sigmoid + binary cross-entropy) is chosen in one spot.
 */
public final class Gradients {
  private Gradients() {}

  /**
   * Runs the pass on the batch already loaded into its input and target buffers.
   *
   * @return the batch's mean loss; each parameter's gradient holds d(mean loss)/d(parameter)
   */
  public static double compute(Pass pass, Loss loss) {
    pass.forward();
    Tensor output = pass.output();
    List<io.github.backprop.nn.Dense> layers = pass.network().layers();
    int last = layers.size() - 1;
    Activation outputActivation = layers.get(last).activation();
    double value = loss.value(outputActivation, pass.weightedInput(last), output, pass.target());
    Tensor delta = pass.outputGradient();
    if (loss.gradientAtWeightedInput(outputActivation, pass.weightedInput(last), output,
        pass.target(), delta)) {
      pass.backwardFromWeightedInput(delta);
    } else {
      loss.gradient(output, pass.target(), delta);
      pass.backward(delta);
    }
    return value;
  }

  /**
   * The mean loss over all rows of (x, y) and its gradient in every parameter, as one batch.
   *
   * @param x shape [rows, inputs]
   * @param y shape [rows, outputs]
   */
  public static double compute(Network network, Loss loss, Tensor x, Tensor y) {
    checkData(network, loss, x, y);
    Pass pass = network.pass(x.rows());
    pass.load(x, y, null, 0, x.rows());
    return compute(pass, loss);
  }

  /** The mean loss over all rows of (x, y), computed in chunks, without touching gradients. */
  public static double meanLoss(Network network, Loss loss, Tensor x, Tensor y) {
    checkData(network, loss, x, y);
    return meanLossOfCheckedData(network, loss, x, y);
  }

  /** {@link #meanLoss} for data already checked against the network and the loss. */
  static double meanLossOfCheckedData(Network network, Loss loss, Tensor x, Tensor y) {
    int rows = x.rows();
    int chunk = 512;
    int last = network.layers().size() - 1;
    Activation outputActivation = network.layers().get(last).activation();
    double sum = 0;
    for (int from = 0; from < rows; from += chunk) {
      int to = Math.min(rows, from + chunk);
      Pass pass = network.pass(to - from);
      pass.load(x, y, null, from, to);
      pass.forward();
      sum += loss.value(outputActivation, pass.weightedInput(last), pass.output(), pass.target())
          * (to - from);
    }
    return sum / rows;
  }

  /**
   * Checks that x and y fit the network and the loss: widths, equal row counts, at least one row.
   *
   * @throws IllegalArgumentException naming the mismatch
   */
  static void checkData(Network network, Loss loss, Tensor x, Tensor y) {
    checkData("", network, loss, x, y);
  }

  /**
   * As {@link #checkData(Network, Loss, Tensor, Tensor)}, with messages starting with
   * {@code prefix} (such as "validation ").
   */
  static void checkData(String prefix, Network network, Loss loss, Tensor x, Tensor y) {
    network.requireInputWidth(prefix + "inputs", x);
    if (y.shape().rank() != 2 || y.cols() != network.outputs()) {
      throw new IllegalArgumentException(
          prefix + "targets: expected rows of " + Plural.of(network.outputs(), "value")
              + " (the output layer has " + Plural.of(network.outputs(), "unit") + "), got shape "
              + y.shape());
    }
    if (x.rows() != y.rows()) {
      throw new IllegalArgumentException(
          prefix + "data: inputs have " + x.rows() + " rows but targets have " + y.rows());
    }
    if (x.rows() == 0) {
      throw new IllegalArgumentException(prefix + "data: no rows");
    }
    loss.checkTargets(prefix + "targets", y);
  }
}
