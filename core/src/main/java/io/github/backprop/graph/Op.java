package io.github.backprop.graph;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;

/**
 * One operation of the graph: its forward rule and, next to it, its vector-Jacobian backward rule.
 *
 * <p>Call order for each run: {@link #forward} once, then at most one {@link #backward}. An op
 * instance belongs to one node and may keep scratch buffers of that node's shape.
 */
public interface Op {
  /** A short lower-case name for messages and graph drawings, such as {@code "affine"}. */
  String name();

  /**
   * The shape of the output for inputs of these shapes.
   *
   * @throws io.github.backprop.tensor.ShapeMismatchException if the shapes do not fit, with a
   *     message naming this op and the shapes
   */
  Shape outputShape(Shape... inputs);

  /** Computes the output from the inputs; must not change the inputs. */
  void forward(Tensor[] inputs, Tensor output);

  /**
   * Turns the gradient of the loss with respect to the output into gradients with respect to the
   * inputs (chain rule case 1), ADDING them to {@code inputGrads}: a node used by several ops
   * receives the sum of every path (chain rule case 2).
   *
   * @param inputGrads one per input, {@code null} for an input that needs no gradient
   */
  void backward(Tensor[] inputs, Tensor output, Tensor outputGrad, Tensor[] inputGrads);
}
