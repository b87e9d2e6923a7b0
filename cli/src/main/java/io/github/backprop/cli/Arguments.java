package io.github.backprop.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: a fixed number of positional ones, then options that each take a value
 * ({@code --save FILE}), in any order.
 */
final class Arguments {
  private final List<String> positional;
  private final Map<String, String> options;

  private Arguments(List<String> positional, Map<String, String> options) {
    this.positional = positional;
    this.options = options;
  }

  /**
   * @param names the positional arguments' names, as the usage line writes them
   * @param options the options the command knows, each followed by a value
   * @throws BadInputException for a missing or extra argument, an unknown or repeated option,
   *     or an option without its value; the message gives the command's usage
   */
  static Arguments parse(Command command, List<String> args, List<String> names,
      Set<String> options) {
    String usage = "; usage: "
        + ("backprop " + command.name() + " " + command.arguments()).strip();
    List<String> positional = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--")) {
        if (!options.contains(arg)) {
          throw new BadInputException(command.name() + ": unknown option " + arg + usage);
        }
        if (i + 1 >= args.size()) {
          throw new BadInputException(command.name() + ": " + arg + " needs a file" + usage);
        }
        if (values.put(arg, args.get(++i)) != null) {
          throw new BadInputException(command.name() + ": " + arg + " is given twice" + usage);
        }
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() < names.size()) {
      throw new BadInputException(command.name() + ": missing "
          + names.get(positional.size()) + usage);
    }
    if (positional.size() > names.size()) {
      throw new BadInputException(command.name() + ": unexpected argument "
          + positional.get(names.size()) + usage);
    }
    return new Arguments(positional, values);
  }

  String positional(int i) {
    return positional.get(i);
  }

  /** The option's value, or null if it was not given. */
  String option(String name) {
    return options.get(name);
  }
}
