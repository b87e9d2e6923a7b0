package io.github.backprop.train;

import java.io.IOException;

/**
 * Stores a {@link Checkpoint} somewhere: {@link CheckpointFile#writer} writes core's text
 * format; an application may store the same data in its own format (JSON, a database).
 */
@FunctionalInterface
public interface CheckpointWriter {
  void write(Checkpoint checkpoint) throws IOException;
}
