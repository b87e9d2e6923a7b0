package io.github.backprop.graph;

import io.github.backprop.kernels.Elementwise;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;

/** {@code c = a + b}, element by element; both operands receive the output's gradient. */
public final class Add implements Op {
  @Override
  public String name() {
    return "add";
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
      c[i] = a[i] + b[i];
    }
  }

  @Override
  public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
    for (Tensor g : gIn) {
      if (g != null) {
        Elementwise.addInPlace(g.data(), gOut.data());
      }
    }
  }
}
