package io.github.backprop.activations;

import io.github.backprop.nn.Activation;

/** The stock activations, for code that does not look them up by name. */
public final class Activations {
  private Activations() {}

  /** {@code sigmoid}: 1 / (1 + e^-z); derivative a (1 - a). */
  public static Activation sigmoid() {
    return new Sigmoid();
  }
}
