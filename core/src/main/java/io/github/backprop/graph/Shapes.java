package io.github.backprop.graph;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.ShapeMismatchException;

/** Shape checks shared by the ops, each failing with a message that names the op. */
final class Shapes {
  private Shapes() {}

  static void requireCount(String op, Shape[] inputs, int count) {
    if (inputs.length != count) {
      throw new IllegalArgumentException(
          op + ": expected " + count + " inputs, got " + inputs.length);
    }
  }

  static void requireMatrix(String op, String role, Shape s) {
    if (s.rank() != 2) {
      throw new ShapeMismatchException(
          op + ": " + role + " must be a matrix [rows, cols], got " + s, "[rows, cols]",
          s.toString());
    }
  }

  static void requireSame(String op, Shape a, Shape b) {
    if (!a.equals(b)) {
      throw new ShapeMismatchException(
          op + ": operands must have the same shape, got " + a + " and " + b, a.toString(),
          b.toString());
    }
  }
}
