package io.github.backprop.examples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An example's command-line options: {@code --name value} pairs, each name declared by the
 * example, so a typo is reported instead of silently ignored.
 *
 * <pre>{@code
 * Args args = Args.parse("xor", argv, "epochs", "seed");
 * int epochs = args.intValue("epochs", 5000);   // --epochs 200, or 5000 when absent
 * }</pre>
 */
public final class Args {
  private final String example;
  private final Map<String, String> values;

  private Args(String example, Map<String, String> values) {
    this.example = example;
    this.values = values;
  }

  /**
   * Reads {@code --name value} pairs.
   *
   * @param example the example's name, for messages
   * @param argv the arguments after the example's name
   * @param known the option names the example accepts, without the leading dashes
   * @throws UsageException if an argument is not a known option or an option has no value
   */
  public static Args parse(String example, String[] argv, String... known) {
    List<String> names = List.of(known);
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !names.contains(name)) {
        String accepted = names.isEmpty() ? "it takes no options"
            : "known options: --" + String.join(", --", names);
        throw new UsageException(example + ": unknown argument \"" + arg + "\"; " + accepted);
      }
      if (i + 1 == argv.length) {
        throw new UsageException(example + ": " + arg + " needs a value");
      }
      values.put(name, argv[++i]);
    }
    return new Args(example, values);
  }

  /** The option's value as a whole number of at least 1, or the default when absent. */
  public int intValue(String name, int defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new UsageException(
        example + ": --" + name + " expects a whole number of at least 1, got \"" + v + "\"");
  }

  /** The option's value as a long (any sign), or the default when absent. */
  public long longValue(String name, long defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(
          example + ": --" + name + " expects a whole number, got \"" + v + "\"");
    }
  }

  /** The folder for plots: {@code --out DIR}, default {@code out} in the working directory. */
  public Path outDir() {
    return Path.of(values.getOrDefault("out", "out"));
  }

  /** A command line the example cannot use; the runner prints its message and the usage. */
  public static final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
      super(message);
    }
  }
}
