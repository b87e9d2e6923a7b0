package io.github.backprop.cli;

/**
 * Values echoed in error messages, cut short so that one huge value (a JSON string of megabytes,
 * a long argument) cannot make a huge line.
 */
final class Excerpt {
  /** How much of a value a message shows. */
  private static final int CHARS = 40;

  private Excerpt() {}

  /** The value if short, else its first 40 characters, "..." and its length. */
  static String of(String value) {
    return value.length() <= CHARS ? value : start(value) + "... (" + value.length()
        + " characters)";
  }

  /** The value in double quotes; if long, its first 40 characters, "..." and its length. */
  static String quoted(String value) {
    return value.length() <= CHARS ? '"' + value + '"' : '"' + start(value) + "...\" ("
        + value.length() + " characters)";
  }

  /** The first 40 characters, or 39 rather than half a surrogate pair. */
  private static String start(String value) {
    return value.substring(0, Character.isHighSurrogate(value.charAt(CHARS - 1))
        ? CHARS - 1 : CHARS);
  }
}
