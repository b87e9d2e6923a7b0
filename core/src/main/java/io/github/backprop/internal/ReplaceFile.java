package io.github.backprop.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last step of saving a file whole: a finished temporary file takes the target's place, so
 * a reader sees the old file or the new one, never half of one.
 */
public final class ReplaceFile {
  private ReplaceFile() {}

  /**
   * Moves {@code temp} over {@code target} atomically, or plainly where the file system cannot
   * move atomically.
   *
   * @throws IOException if the move fails; {@code temp} is then left for the caller to remove
   */
  public static void moveOver(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
