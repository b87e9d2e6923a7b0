package io.github.backprop.nn;

import io.github.backprop.tensor.Tensor;
import java.util.Objects;

/**
 * A trainable tensor and its gradient. Unlike other values it is mutable on purpose: the engine
 * writes the gradient, optimizers write the value, and both buffers live as long as the network.
 *
 * <p>Names follow the spec's JSON paths, such as {@code layers[0].weights}, so messages and
 * optimizer state point at the same place a user sees in a model file.
 */
public final class Parameter {
  private final String name;
  private final Tensor value;
  private final Tensor grad;

  public Parameter(String name, Tensor value) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = Objects.requireNonNull(value, "value");
    this.grad = Tensor.zeros(value.shape());
  }

  public String name() {
    return name;
  }

  /** The live values: optimizers update them in place. */
  public Tensor value() {
    return value;
  }

  /** The live gradient of the loss with respect to {@link #value()}, written by backward. */
  public Tensor grad() {
    return grad;
  }

  public void zeroGrad() {
    grad.fillInPlace(0.0);
  }

  @Override
  public String toString() {
    return name + value.shape();
  }
}
