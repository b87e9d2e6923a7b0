package io.github.backprop.tensor;

/** Two shapes that had to fit together do not; the message says where and what would fit. */
public class ShapeMismatchException extends IllegalArgumentException {
  private final String expected;
  private final String actual;

  /**
   * @param message the whole message: where, what was expected, what was found
   * @param expected the expected shape, as text (may name symbolic axes, as {@code [batch, 3]})
   * @param actual the shape found
   */
  public ShapeMismatchException(String message, String expected, String actual) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
