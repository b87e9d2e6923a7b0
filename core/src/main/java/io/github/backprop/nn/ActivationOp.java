package io.github.backprop.nn;

import io.github.backprop.graph.Op;
import io.github.backprop.kernels.Elementwise;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;

/** The graph op a = f(z) for an {@link Activation}: one call per batch forward and backward. */
final class ActivationOp implements Op {
  private final Activation activation;
  private Tensor scratch;

  ActivationOp(Activation activation) {
    this.activation = activation;
  }

  Activation activation() {
    return activation;
  }

  @Override
  public String name() {
    return activation.name();
  }

  @Override
  public Shape outputShape(Shape... inputs) {
    if (inputs.length != 1) {
      throw new IllegalArgumentException(name() + ": expected 1 input, got " + inputs.length);
    }
    return inputs[0];
  }

  @Override
  public void forward(Tensor[] in, Tensor a) {
    activation.forward(in[0], a);
  }

  @Override
  public void backward(Tensor[] in, Tensor a, Tensor upstream, Tensor[] gIn) {
    if (gIn[0] == null) {
      return;
    }
    if (scratch == null) {
      scratch = Tensor.zeros(a.shape());
    }
    // Activation.backward overwrites; the op contract adds (the input may feed other ops too).
    activation.backward(in[0], a, upstream, scratch);
    Elementwise.addInPlace(gIn[0].data(), scratch.data());
  }

  /** When this op writes z's gradient first, the activation writes it directly: no scratch. */
  @Override
  public void backward(Tensor[] in, Tensor a, Tensor upstream, Tensor[] gIn,
      boolean[] overwrite) {
    if (overwrite[0]) {
      activation.backward(in[0], a, upstream, gIn[0]);
    } else {
      backward(in, a, upstream, gIn);
    }
  }
}
