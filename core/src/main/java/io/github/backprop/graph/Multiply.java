package io.github.backprop.graph;

import io.github.backprop.kernels.Elementwise;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;

/** {@code c = a * b}, element by element (the Hadamard product): da = dc * b, db = dc * a. */
public final class Multiply implements Op {
  @Override
  public String name() {
    return "multiply";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Shapes.requireCount(name(), in, 2);
    Shapes.requireSame(name(), in[0], in[1]);
    return in[0];
  }

  @Override
  public void forward(Tensor[] in, Tensor out) {
    double[] a = in[0].data();
    double[] b = in[1].data();
    double[] c = out.data();
    for (int i = 0; i < c.length; i++) {
      c[i] = a[i] * b[i];
    }
  }

  @Override
  public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
    if (gIn[0] != null) {
      Elementwise.addProductInPlace(gIn[0].data(), gOut.data(), in[1].data());
    }
    if (gIn[1] != null) {
      Elementwise.addProductInPlace(gIn[1].data(), gOut.data(), in[0].data());
    }
  }
}
