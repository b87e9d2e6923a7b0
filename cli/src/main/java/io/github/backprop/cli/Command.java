package io.github.backprop.cli;

import java.io.IOException;
import java.util.List;

/** One subcommand of {@code backprop}, such as {@code train}. */
interface Command {
  /** The word that selects it. */
  String name();

  /** Its arguments, as in {@code SPEC [--save FILE]}. */
  String arguments();

  /** What it does, in one line. */
  String summary();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command's name
   * @throws BadInputException for a mistake in the arguments, a spec or a data file
   * @throws IOException if writing a result fails
   */
  void run(List<String> args, Context context) throws IOException;
}
