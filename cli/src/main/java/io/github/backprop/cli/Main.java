package io.github.backprop.cli;

import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code backprop} command: {@code java -jar backprop.jar COMMAND ARGS...}.
 *
 * <pre>{@code
 * int status = new Main().run(new String[] {"gradients", "spec.json"}, System.out, System.err);
 * }</pre>
 *
 * <p>Exit status: 0 on success; 2 for a mistake in the arguments, a spec or a data file, reported
 * as one line on stderr that names the place (a JSON path, or file:line:column); 1 for an
 * internal error, reported with its stack trace. Plug-ins (activations, losses, optimizers) are
 * found on the class path by discovery.
 */
public final class Main {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int BAD_INPUT = 2;
  /**
   * The longest error line printed: messages cut their own long values, and this bounds the
   * rest (a list of a hundred thousand column names, say) to what a terminal can show.
   */
  static final int MAX_LINE = 1000;

  private final Supplier<Components> components;

  /** A command line whose plug-ins come from discovery, started on first use. */
  public Main() {
    this(new Supplier<>() {
      private Components made;

      @Override
      public Components get() {
        if (made == null) {
          made = Backprop.components();
        }
        return made;
      }
    });
  }

  /** A command line resolving names through {@code components}. */
  Main(Supplier<Components> components) {
    this.components = components;
  }

  public static void main(String[] args) {
    System.exit(new Main().run(args, System.out, System.err));
  }

  /**
   * Runs one command.
   *
   * @param args the command's name, then its arguments
   * @param out where results go
   * @param err where progress and error messages go
   * @return the exit status: 0, 1 (internal error) or 2 (bad input)
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    Context context = new Context(out, err, components);
    try {
      if (args.length == 0) {
        err.print(Help.text(commands.values()));
        return BAD_INPUT;
      }
      String name = args[0];
      if (name.equals("--help") || name.equals("-h")) {
        name = "help";
      }
      Command command = commands.get(name);
      if (command == null) {
        throw new BadInputException("unknown command \"" + name + "\"; the commands are "
            + String.join(", ", commands.keySet()) + " (try: backprop help)");
      }
      command.run(List.of(Arrays.copyOfRange(args, 1, args.length)), context);
      out.flush();
      return OK;
    } catch (BadInputException e) {
      out.flush();
      err.println(oneLine(e.getMessage()));
      return BAD_INPUT;
    } catch (OutOfMemoryError e) {
      // Data or a network larger than the heap: the user's to fix, and nothing to report.
      out.flush();
      err.println("out of memory: the data or the network needs more than the "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB this JVM may use; give it"
          + " more (java -Xmx8g -jar ...) or use a smaller network or data set");
      return BAD_INPUT;
    } catch (Exception e) {
      out.flush();
      err.println("internal error (please report it): " + oneLine(String.valueOf(e)));
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  private Map<String, Command> commands() {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c : List.of(new GradientsCommand(), new TrainCommand(), new TraceCommand(),
        new PredictCommand(), new GraphCommand(), new DemoCommand())) {
      commands.put(c.name(), c);
    }
    commands.put("help", new Help(commands));
    return commands;
  }

  /**
   * Messages from files and plug-ins may hold line breaks and long values; the contract is one
   * line of at most {@link #MAX_LINE} characters and a note of how many more were cut.
   */
  static String oneLine(String message) {
    String line = String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= MAX_LINE ? line
        : line.substring(0, MAX_LINE) + "... (" + (line.length() - MAX_LINE) + " more characters)";
  }
}
