package io.github.backprop.internal;

/**
 * Values echoed in error messages, cut short so that one huge value (a JSON string of megabytes,
 * a long argument) cannot make a huge line.
 */
public final class Excerpt {
  /** How much of a value a message shows. */
  private static final int CHARS = 40;

  private Excerpt() {}

  /** The value if short, else its first 40 characters, "..." and its length. */
  public static String of(String value) {
    return value.length() <= CHARS ? value : start(value) + "... (" + value.length()
        + " characters)";
  }

  /**
   * The value between two {@code quote} characters; if long, its first 40 characters and "..."
   * between them, then its length: {@code '11111...' (5000000 characters)}.
   */
  public static String quoted(String value, char quote) {
    return value.length() <= CHARS ? quote + value + quote
        : quote + start(value) + "..." + quote + " (" + value.length() + " characters)";
  }

  /** The first 40 characters, or 39 rather than half a surrogate pair. */
  private static String start(String value) {
    return value.substring(0, Character.isHighSurrogate(value.charAt(CHARS - 1))
        ? CHARS - 1 : CHARS);
  }
}
