/**
 * The {@code backprop} command: trains, checks and traces networks described by a JSON network
 * spec (format 1, documented in docs/spec.md), and saves trained models in the same format.
 *
 * <p>{@link io.github.backprop.cli.Main} is the entry point; each command is one class. Specs are
 * read by {@code Spec.read}, which reports every mistake as one line naming its JSON path; a
 * model saved by {@code train --save} is a spec with the trained weights written in.
 */
package io.github.backprop.cli;
