package io.github.backprop.internal;

/** Counts in messages: "1 unit", "2 units". */
public final class Plural {
  private Plural() {}

  /** {@code n} and the noun, with an "s" unless n is 1. */
  public static String of(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
