package io.github.backprop.nn;

import io.github.backprop.graph.Affine;
import io.github.backprop.graph.Graph;
import io.github.backprop.graph.Node;
import io.github.backprop.kernels.WorkerPool;
import java.util.List;

/**
 * A fully connected layer: z = a_prev W^T + b, a = f(z), for a whole batch at once.
 *
 * <p>W has shape [units, fanIn]: row j holds the weights into unit j (Nielsen's w^l_jk, the
 * weight from input k to unit j); b has shape [units]. Built by {@link Network.Builder}.
 */
public final class Dense {
  private final String name;
  private final int inputs;
  private final Activation activation;
  private final Parameter weights;
  private final Parameter bias;

  Dense(String name, int inputs, Activation activation, Parameter weights, Parameter bias) {
    this.name = name;
    this.inputs = inputs;
    this.activation = activation;
    this.weights = weights;
    this.bias = bias;
  }

  /** The layer's place in its network, such as {@code layers[1]}. */
  public String name() {
    return name;
  }

  /** Fan-in: the width of the layer's input. */
  public int inputs() {
    return inputs;
  }

  public int units() {
    return bias.value().size();
  }

  public Activation activation() {
    return activation;
  }

  /** Shape [units, inputs]. */
  public Parameter weights() {
    return weights;
  }

  /** Shape [units]. */
  public Parameter bias() {
    return bias;
  }

  public List<Parameter> parameters() {
    return List.of(weights, bias);
  }

  /**
   * Adds z = affine(input) and a = f(z) to a graph; returns {z, a}.
   *
   * @param workers threads for the layer's kernels, or null for the caller's thread
   */
  Node[] addTo(Graph.Builder graph, Node input, WorkerPool workers) {
    Node w = graph.parameter(weights.name(), weights.value(), weights.grad());
    Node b = graph.parameter(bias.name(), bias.value(), bias.grad());
    Node z = graph.apply(name + ".z", new Affine(workers), input, w, b);
    Node a = graph.apply(name + ".a", new ActivationOp(activation, workers), z);
    return new Node[] {z, a};
  }

  @Override
  public String toString() {
    return name + ": dense " + inputs + " -> " + units() + " (" + activation.name() + ")";
  }
}
