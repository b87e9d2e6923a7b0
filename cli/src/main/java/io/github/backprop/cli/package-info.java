/**
 * The {@code backprop} command: trains, checks and traces networks described by a JSON network
 * spec (format 1, documented in docs/spec.md), and saves trained models in the same format.
 *
 * <p>{@link io.github.backprop.cli.Main} is the entry point; each command is one class. Specs are
 * read by {@code SpecReader}, which reports every mistake as one line naming its JSON path.
 */
package io.github.backprop.cli;
