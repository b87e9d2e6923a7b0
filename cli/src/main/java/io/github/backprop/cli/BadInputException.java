package io.github.backprop.cli;

/**
 * A mistake in what the user gave the command: an argument, the spec, a data file. Its message is
 * the one line printed on stderr, naming the place (file, JSON path, or file:line:column), what
 * was expected and what was found; the command exits with status 2 and prints no stack trace.
 */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
