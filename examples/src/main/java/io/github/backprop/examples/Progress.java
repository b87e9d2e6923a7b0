package io.github.backprop.examples;

import io.github.backprop.train.ProgressBar;
import java.io.PrintStream;

/** The training progress bar, on the terminal when the example prints to standard output. */
final class Progress {
  private Progress() {}

  /**
   * Core's {@link ProgressBar}: redrawn in place on a terminal, one line per epoch elsewhere
   * (a log, a file, or a test's captured output).
   */
  static ProgressBar bar(PrintStream out) {
    return out == System.out ? ProgressBar.toConsole() : ProgressBar.to(out, false);
  }
}
