package io.github.backprop.graph;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;
import java.util.List;

/**
 * A value in the graph: an input, a parameter, or the result of an {@link Op} applied to other
 * nodes. Each node owns a value buffer and, when it needs one, a gradient buffer of its shape.
 */
public final class Node {
  enum Kind { INPUT, PARAMETER, OP }

  private final String name;
  private final Kind kind;
  private final Op op;
  private final List<Node> inputs;
  private final Tensor value;
  private final boolean requiresGrad;
  private Tensor grad;

  Node(String name, Kind kind, Op op, List<Node> inputs, Tensor value, Tensor grad,
      boolean requiresGrad) {
    this.name = name;
    this.kind = kind;
    this.op = op;
    this.inputs = List.copyOf(inputs);
    this.value = value;
    this.grad = grad;
    this.requiresGrad = requiresGrad;
  }

  public String name() {
    return name;
  }

  public Shape shape() {
    return value.shape();
  }

  /** The live value buffer (for an input node, write the batch here before a forward pass). */
  public Tensor value() {
    return value;
  }

  /**
   * The live gradient of the last backward pass, or {@code null} if this node needs none (an
   * input node, or a node no parameter depends on).
   */
  public Tensor grad() {
    return grad;
  }

  /** The op that computes this node, or {@code null} for inputs and parameters. */
  public Op op() {
    return op;
  }

  public List<Node> inputs() {
    return inputs;
  }

  public boolean isInput() {
    return kind == Kind.INPUT;
  }

  public boolean isParameter() {
    return kind == Kind.PARAMETER;
  }

  /** Whether some parameter (or an input marked as such) flows into this node. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  Tensor gradBuffer() {
    if (grad == null) {
      grad = Tensor.zeros(value.shape());
    }
    return grad;
  }

  @Override
  public String toString() {
    return name + value.shape();
  }
}
