package io.github.backprop.examples;

import io.github.backprop.data.Dataset;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.data.Synthetic;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.Trainer;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two interleaved spirals, separated by a network with two hidden layers; the decision boundary
 * is drawn in {@code spirals.png}.
 *
 * <p>One hidden layer of a few units cannot wind around the centre; two layers of 32 tanh units
 * can. The output is a softmax over the two classes, trained with cross-entropy.
 *
 * <p>Run: {@code java -jar backprop-examples.jar spirals [--epochs 500] [--out DIR]}
 */
public final class Spirals {
  static final int EPOCHS = 500;
  static final long SEED = 3;
  /** Grid cells per side of the decision-boundary picture. */
  static final int GRID = 120;

  private Spirals() {}

  public static void main(String[] args) {
    Args options = Args.parse("spirals", args, "epochs", "out");
    run(options.intValue("epochs", EPOCHS), options.outDir(), System.out);
  }

  /** Trains on 80% of 400 points, reports accuracy on both parts, and draws the boundary. */
  public static Result run(int epochs, Path outDir, PrintStream out) {
    Components components = Backprop.components();
    Dataset spirals = Synthetic.spirals(200, 0.02, SEED); // one-hot targets, 2 classes
    Split split = Splits.stratified(spirals, 0.2, SEED);
    Network network = Network.builder(2)
        .dense(32, components.activation("tanh"))
        .dense(32, components.activation("tanh"))
        .dense(2, components.activation("softmax"))
        .seed(SEED)
        .build();
    out.println("Training " + network + " on two spirals:");
    Trainer.builder()
        .loss(components.loss("cross_entropy"))
        .optimizer(components.optimizer("adam", Map.of("learningRate", 0.01)))
        .epochs(epochs)
        .batchSize(32)
        .shuffle(SEED)
        .listener(Progress.bar(out))
        .build()
        .fit(network, split.train());
    double trainAccuracy = Metrics.accuracy(network.predict(split.train().inputs()),
        split.train().targets());
    double testAccuracy = Metrics.accuracy(network.predict(split.test().inputs()),
        split.test().targets());
    out.printf("accuracy: training %.1f%%, test %.1f%%%n", 100 * trainAccuracy,
        100 * testAccuracy);

    Path png = Plots.save(boundary(network, spirals), outDir, "spirals.png");
    out.println("wrote " + png.toAbsolutePath());
    return new Result(trainAccuracy, testAccuracy, png);
  }

  /**
   * The plane coloured by the predicted class (a grid of small squares, light colours) with the
   * points on top (dark colours).
   */
  static XYChart boundary(Network network, Dataset data) {
    double lo = -1.2;
    double hi = 1.2;
    double[] grid = new double[GRID * GRID * 2];
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        grid[2 * (i * GRID + j)] = lo + (hi - lo) * (j + 0.5) / GRID;
        grid[2 * (i * GRID + j) + 1] = lo + (hi - lo) * (i + 0.5) / GRID;
      }
    }
    Tensor cells = Tensor.wrap(grid, GRID * GRID, 2);
    Tensor predicted = network.predict(cells);

    XYChart chart = Plots.chart("Two spirals: the network's decision regions", "x1", "x2");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi).setYAxisMin(lo).setYAxisMax(hi);
    Color[] region = {new Color(255, 205, 160), new Color(170, 205, 255)};
    Color[] point = {new Color(200, 90, 0), new Color(0, 70, 170)};
    for (int k = 0; k < 2; k++) {
      addClass(chart, "region " + k, cells, predicted, k, region[k], SeriesMarkers.SQUARE);
    }
    for (int k = 0; k < 2; k++) {
      addClass(chart, "class " + k, data.inputs(), data.targets(), k, point[k],
          SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  /** Adds the rows of {@code points} whose class (argmax of {@code classes}) is k. */
  private static void addClass(XYChart chart, String name, Tensor points, Tensor classes, int k,
      Color color, Marker marker) {
    int n = 0;
    double[] x = new double[points.rows()];
    double[] y = new double[points.rows()];
    for (int r = 0; r < points.rows(); r++) {
      int argmax = classes.get(r, 1) > classes.get(r, 0) ? 1 : 0;
      if (argmax == k) {
        x[n] = points.get(r, 0);
        y[n] = points.get(r, 1);
        n++;
      }
    }
    if (n == 0) {
      return; // XChart rejects an empty series; a class with no cells has no region to draw
    }
    XYSeries series = chart.addSeries(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    series.setMarker(marker);
    series.setMarkerColor(color);
  }

  /**
   * @param trainAccuracy accuracy on the 320 training points
   * @param testAccuracy accuracy on the 80 held-out points
   * @param plot the PNG written
   */
  public record Result(double trainAccuracy, double testAccuracy, Path plot) {}
}
