package io.github.backprop.examples;

import io.github.backprop.data.Dataset;
import io.github.backprop.data.Synthetic;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The same network, from the same starting weights, trained on the same batches with every
 * optimizer in the registry; their loss curves share one chart, {@code optimizers.png}.
 *
 * <p>Each optimizer runs with torch's default settings, except sgd, which has no default learning
 * rate (as in torch): it runs with 0.1, plain and with momentum 0.9. The defaults are not tuned
 * for this problem, which is the point: they show how far each rule gets on its own.
 *
 * <p>Run: {@code java -jar backprop-examples.jar optimizers [--epochs 100] [--out DIR]}
 */
public final class OptimizerComparison {
  static final int EPOCHS = 100;
  static final long SEED = 8;
  /** Ten colours that stay apart, so each curve can be told from the others. */
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
    new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
    new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34),
    new Color(23, 190, 207),
  };

  private OptimizerComparison() {}

  public static void main(String[] args) {
    Args options = Args.parse("optimizers", args, "epochs", "out");
    run(options.intValue("epochs", EPOCHS), options.outDir(), System.out);
  }

  /** One optimizer run: a label for the chart, the registry name and the settings. */
  private record Run(String label, String name, Map<String, ?> settings) {}

  /**
   * Trains once per optimizer.
   *
   * @return each run's per-epoch mean loss, by label, and the PNG
   */
  public static Result run(int epochs, Path outDir, PrintStream out) {
    Components components = Backprop.components();
    Dataset moons = Synthetic.moons(200, 0.2, SEED);
    List<Run> runs = new ArrayList<>();
    for (String name : components.optimizers().names()) {
      if (name.equals("sgd")) {
        runs.add(new Run("sgd", name, Map.of("learningRate", 0.1)));
        runs.add(new Run("sgd, momentum 0.9", name,
            Map.of("learningRate", 0.1, "momentum", 0.9)));
      } else {
        runs.add(new Run(name, name, Map.of()));
      }
    }

    XYChart chart = Plots.chart("Two moons: training loss by optimizer", "epoch",
        "mean cross-entropy (log scale)");
    chart.getStyler().setYAxisLogarithmic(true).setYAxisLogarithmicDecadeOnly(false);
    chart.getStyler().setSeriesColors(PALETTE);
    Map<String, double[]> losses = new LinkedHashMap<>();
    out.printf("%-20s %12s %12s%n", "optimizer", "first epoch", "last epoch");
    for (Run run : runs) {
      Network network = Network.builder(2) // the same seed: the same starting weights
          .dense(16, components.activation("tanh"))
          .dense(16, components.activation("tanh"))
          .dense(2, components.activation("softmax"))
          .seed(SEED)
          .build();
      TrainingHistory history = Trainer.builder()
          .loss(components.loss("cross_entropy"))
          .optimizer(components.optimizer(run.name(), run.settings()))
          .epochs(epochs)
          .batchSize(16)
          .shuffle(SEED) // the same batches in the same order
          .build()
          .fit(network, moons);
      double[] curve = history.losses();
      losses.put(run.label(), curve);
      out.printf("%-20s %12.6f %12.6f%n", run.label(), curve[0], curve[curve.length - 1]);
      XYSeries series = chart.addSeries(run.label(), epochAxis(curve.length), curve);
      series.setMarker(SeriesMarkers.NONE);
    }
    Path png = Plots.save(chart, outDir, "optimizers.png");
    out.println("wrote " + png.toAbsolutePath());
    return new Result(losses, png);
  }

  private static double[] epochAxis(int epochs) {
    double[] x = new double[epochs];
    for (int i = 0; i < epochs; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  /**
   * @param losses each run's mean training loss per epoch, by label, in run order
   * @param plot the PNG written
   */
  public record Result(Map<String, double[]> losses, Path plot) {}
}
