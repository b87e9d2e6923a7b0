package io.github.backprop.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file operation failed, in plain words for an error message: "permission denied", "is a
 * directory". The JDK's own messages name the exception class or a temporary file, or are just
 * the path.
 */
public final class IoReason {
  private IoReason() {}

  /**
   * The operating system's reason, or the failure's kind for the exceptions that the JDK makes
   * without one (their message is only the path).
   */
  public static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "the file already exists";
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return "an input or output error";
    }
    // "Is a directory" reads as part of a sentence; "EOF" or "I/O error" keep their capitals.
    return reason.length() > 1 && Character.isLowerCase(reason.charAt(1))
        ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1) : reason;
  }
}
