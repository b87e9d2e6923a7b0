package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Captures what an example prints, and checks the PNGs it writes. */
final class Output {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The last line printed, without its line break. */
  String lastLine() {
    String[] lines = text().split("\\R");
    return lines[lines.length - 1];
  }

  /** Asserts that the file decodes as an image of the given size. */
  static void assertPng(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " does not decode as an image");
    assertEquals(width, image.getWidth(), "width of " + file);
    assertEquals(height, image.getHeight(), "height of " + file);
  }
}
