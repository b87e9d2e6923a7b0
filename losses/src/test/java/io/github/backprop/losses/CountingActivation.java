package io.github.backprop.losses;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;

/** Wraps an activation, counting the calls to its backward: shows when a fused path skips it. */
final class CountingActivation implements Activation {
  private final Activation inner;
  int backwardCalls;

  CountingActivation(Activation inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void forward(Tensor z, Tensor a) {
    inner.forward(z, a);
  }

  @Override
  public void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
    backwardCalls++;
    inner.backward(z, a, upstream, dz);
  }
}
