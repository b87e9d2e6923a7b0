package io.github.backprop.activations;

import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;

/** Checks shared by the activations, with messages naming the activation and what failed. */
final class Check {
  private Check() {}

  /** @throws IllegalArgumentException unless value is finite */
  static double finite(String activation, String parameter, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          activation + ": " + parameter + " must be finite, got " + value);
    }
    return value;
  }

  /** @throws IllegalArgumentException unless value is positive and finite */
  static double positive(String activation, String parameter, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          activation + ": " + parameter + " must be positive and finite, got " + value);
    }
    return value;
  }

  /** @throws ShapeMismatchException unless actual has the shape of expected */
  static void sameShape(String activation, String method, Tensor expected, Tensor actual) {
    if (!expected.shape().equals(actual.shape())) {
      throw new ShapeMismatchException(
          activation + " " + method + ": tensors must share the shape " + expected.shape()
              + ", got " + actual.shape(),
          expected.shape().toString(), actual.shape().toString());
    }
  }
}
