package io.github.backprop.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * PNG charts with XChart, written without a display (headless), as the examples draw them.
 *
 * <pre>{@code
 * XYChart chart = Plots.chart("sin x and the network's fit", "x", "y");
 * chart.addSeries("sin x", xs, ys);
 * Path png = Plots.save(chart, Path.of("out"), "sine.png");   // out/sine.png, 800 x 600
 * }</pre>
 */
public final class Plots {
  /** The width of one chart, in pixels. */
  public static final int WIDTH = 800;
  /** The height of one chart, in pixels. */
  public static final int HEIGHT = 600;

  private Plots() {}

  /** An empty line chart of {@link #WIDTH} x {@link #HEIGHT} pixels. */
  public static XYChart chart(String title, String xTitle, String yTitle) {
    // Must be set before the first AWT class loads; charts are drawn off-screen only, so the
    // examples run on servers and in CI without a display.
    System.setProperty("java.awt.headless", "true");
    return new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
  }

  /**
   * Writes the chart as a PNG, creating the folder if needed.
   *
   * @return the file written
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(XYChart chart, Path dir, String fileName) {
    return save(List.of(chart), dir, fileName);
  }

  /**
   * Writes the charts side by side in one PNG, {@code charts.size() * WIDTH} x {@link #HEIGHT}.
   *
   * @return the file written
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path save(List<XYChart> charts, Path dir, String fileName) {
    Path file = dir.resolve(fileName);
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(file)) {
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapFormat.PNG);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the chart " + file.toAbsolutePath(), e);
    }
    return file;
  }
}
