package io.github.backprop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoReasonTest {
  @Test
  void of_exceptionsWhoseMessageIsOnlyThePath_nameTheirKind() {
    assertEquals("permission denied", IoReason.of(new AccessDeniedException("/a/.m.json.1.tmp")));
    assertEquals("no such file or directory", IoReason.of(new NoSuchFileException("/a/b")));
  }

  @Test
  void of_fileSystemException_givesTheSystemsReasonWithoutThePaths() {
    assertEquals("is a directory",
        IoReason.of(new FileSystemException("/a/.t.tmp", "/a/out", "Is a directory")));
    assertEquals("I/O error", IoReason.of(new FileSystemException("/a", null, "I/O error")));
  }

  @Test
  void of_otherExceptions_giveTheirMessageOrAPlainDefault() {
    assertEquals("no space left on device",
        IoReason.of(new IOException("No space left on device")));
    assertEquals("an input or output error", IoReason.of(new IOException()));
  }
}
