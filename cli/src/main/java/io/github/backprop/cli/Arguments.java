package io.github.backprop.cli;

import io.github.backprop.internal.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: a fixed number of positional ones, then options that each take a file
 * ({@code --save FILE}), in any order.
 */
final class Arguments {
  private final String command;
  private final String usage;
  private final List<String> positional;
  private final Map<String, String> options;

  private Arguments(String command, String usage, List<String> positional,
      Map<String, String> options) {
    this.command = command;
    this.usage = usage;
    this.positional = positional;
    this.options = options;
  }

  /**
   * @param names the positional arguments' names, as the usage line writes them
   * @param options the options the command knows, each followed by a file name
   * @throws BadInputException for a missing, empty or extra argument, an unknown or repeated
   *     option, or an option without its file (none, an empty one, one ending in a slash, or
   *     another option); the message gives the command's usage
   */
  static Arguments parse(Command command, List<String> args, List<String> names,
      Set<String> options) {
    String usage = "; usage: "
        + ("backprop " + command.name() + " " + command.arguments()).strip();
    String name = command.name() + ": ";
    List<String> positional = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--")) {
        if (!options.contains(arg)) {
          throw new BadInputException(name + "unknown option " + Excerpt.of(arg) + usage);
        }
        if (i + 1 >= args.size()) {
          throw new BadInputException(name + arg + " needs a file" + usage);
        }
        String file = args.get(++i);
        if (file.isEmpty()) {
          throw new BadInputException(name + arg + " needs a file name, got an empty one" + usage);
        }
        if (options.contains(file)) { // `--save --model m.json` forgot the first one's file
          throw new BadInputException(name + arg + " needs a file, found the option " + file
              + usage);
        }
        if (file.endsWith("/")) { // Path.of would drop the slash and write a file named m.json
          throw new BadInputException(name + arg + " needs a file, got the directory name "
              + file + usage);
        }
        if (values.put(arg, file) != null) {
          throw new BadInputException(name + arg + " is given twice" + usage);
        }
      } else if (arg.isEmpty()) {
        throw new BadInputException(name + (positional.size() < names.size()
            ? names.get(positional.size()) + " is empty" : "unexpected empty argument") + usage);
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() < names.size()) {
      throw new BadInputException(name + "missing " + names.get(positional.size()) + usage);
    }
    if (positional.size() > names.size()) {
      throw new BadInputException(name + "unexpected argument "
          + Excerpt.of(positional.get(names.size())) + usage);
    }
    return new Arguments(command.name(), usage, positional, values);
  }

  String positional(int i) {
    return positional.get(i);
  }

  /** The option's value, or null if it was not given. */
  String option(String name) {
    return options.get(name);
  }

  /**
   * Checks that two options, if both are given, name different files, for a command that would
   * otherwise write one over the other (two outputs), or read one as it overwrites it.
   *
   * @throws BadInputException if they name the same file, by path or through a link
   */
  void requireDifferentFiles(String option, String other) {
    String a = options.get(option);
    String b = options.get(other);
    if (a != null && b != null && sameFile(Path.of(a), Path.of(b))) {
      throw new BadInputException(command + ": " + option + " and " + other
          + " name the same file " + a + "; give each its own" + usage);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // unreadable here: the command reports it when it opens the file
    }
  }
}
