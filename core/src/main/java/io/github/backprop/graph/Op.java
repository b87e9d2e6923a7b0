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

  /**
   * As {@link #backward(Tensor[], Tensor, Tensor, Tensor[])}, except that where {@code
   * overwrite[j]} is true this op is the first to contribute to {@code inputGrads[j]} in the
   * current backward pass: that buffer holds stale values and must be overwritten, not added to.
   * The graph calls this form, which spares it zeroing every gradient before each pass.
   *
   * <p>The default zeroes the flagged buffers and calls the adding form, so an op need not
   * override it; ops on the hot path do, writing their results straight into the buffer. The
   * graph never flags an input that appears twice among this op's inputs.
   *
   * @param overwrite one per input; false wherever {@code inputGrads[j]} is null
   */
  default void backward(Tensor[] inputs, Tensor output, Tensor outputGrad, Tensor[] inputGrads,
      boolean[] overwrite) {
    for (int j = 0; j < inputGrads.length; j++) {
      if (overwrite[j]) {
        inputGrads[j].fillInPlace(0.0);
      }
    }
    backward(inputs, output, outputGrad, inputGrads);
  }
}
