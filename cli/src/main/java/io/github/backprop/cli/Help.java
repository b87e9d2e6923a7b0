package io.github.backprop.cli;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@code help [COMMAND]}: the commands and what they do. */
final class Help implements Command {
  private final Map<String, Command> commands;

  Help(Map<String, Command> commands) {
    this.commands = commands;
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String arguments() {
    return "[COMMAND]";
  }

  @Override
  public String summary() {
    return "lists the commands, or shows one command's usage";
  }

  @Override
  public void run(List<String> args, Context context) {
    if (args.size() > 1) {
      throw new BadInputException("help: unexpected argument " + args.get(1)
          + "; usage: backprop help [COMMAND]");
    }
    if (args.isEmpty()) {
      context.out().print(text(commands.values()));
      return;
    }
    Command command = commands.get(args.get(0));
    if (command == null) {
      throw new BadInputException("help: unknown command \"" + args.get(0)
          + "\"; the commands are " + String.join(", ", commands.keySet()));
    }
    context.out().println("usage: backprop " + command.name() + " " + command.arguments());
    StringBuilder summary = new StringBuilder();
    wrap(summary, command.summary(), "  ", 78);
    context.out().print(summary);
  }

  /** The overview: usage, every command, exit statuses. */
  static String text(Collection<Command> commands) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append("usage: java -jar backprop.jar COMMAND [ARGS]").append(nl).append(nl)
        .append("Trains, checks and traces neural networks described by a JSON network spec")
        .append(nl).append("(format 1, see docs/spec.md). Commands:").append(nl).append(nl);
    for (Command c : commands) {
      String usage = c.name() + " " + c.arguments();
      sb.append("  ").append(usage.strip()).append(nl);
      wrap(sb, c.summary(), "      ", 78);
    }
    sb.append(nl).append("SPEC and MODEL are spec files; a model saved by train --save is a spec.")
        .append(nl).append("Exit status: 0 success, 2 a mistake in the input (one line on stderr),")
        .append(nl).append("1 an internal error.").append(nl);
    return sb.toString();
  }

  /** Appends {@code text} in lines of at most {@code width} characters, each indented. */
  private static void wrap(StringBuilder sb, String text, String indent, int width) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        sb.append(line).append(System.lineSeparator());
        line = new StringBuilder(indent);
      }
      line.append(line.length() > indent.length() ? " " : "").append(word);
    }
    sb.append(line).append(System.lineSeparator());
  }
}
