package io.github.backprop.examples;

import io.github.backprop.data.Dataset;
import io.github.backprop.data.Synthetic;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Trainer;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Regression: a 1-16-16-1 tanh network learns sin(x) on [-pi, pi] from 256 samples, and the fit
 * is drawn over the curve in {@code sine.png}.
 *
 * <p>The output unit is linear ({@code identity}) because the target is a real number, not a
 * class; the loss is the mean squared error.
 *
 * <p>Run: {@code java -jar backprop-examples.jar sine [--epochs 300] [--out DIR]}
 */
public final class Sine {
  static final int EPOCHS = 300;
  static final long SEED = 4;

  private Sine() {}

  public static void main(String[] args) {
    Args options = Args.parse("sine", args, "epochs", "out");
    run(options.intValue("epochs", EPOCHS), options.outDir(), System.out);
  }

  /** Trains, measures the fit on a grid of 201 points, and writes the plot. */
  public static Result run(int epochs, Path outDir, PrintStream out) {
    Components components = Backprop.components();
    Dataset samples = Synthetic.sine(256, SEED); // x uniform in [-pi, pi], y = sin x
    Network network = Network.builder(1)
        .dense(16, components.activation("tanh"))
        .dense(16, components.activation("tanh"))
        .dense(1, components.activation("identity"))
        .seed(SEED)
        .build();
    Trainer.builder()
        .loss(components.loss("mse"))
        .optimizer(components.optimizer("adam", Map.of("learningRate", 0.01)))
        .epochs(epochs)
        .batchSize(16)
        .shuffle(SEED)
        .listener(Progress.bar(out))
        .build()
        .fit(network, samples);

    int points = 201;
    double[] x = new double[points];
    double[] sin = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = -Math.PI + 2 * Math.PI * i / (points - 1);
      sin[i] = Math.sin(x[i]);
    }
    double[] fit = network.predict(Tensor.wrap(x.clone(), points, 1)).data();
    double worst = 0;
    for (int i = 0; i < points; i++) {
      worst = Math.max(worst, Math.abs(fit[i] - sin[i]));
    }
    out.printf("largest |network(x) - sin x| on [-pi, pi]: %.4f%n", worst);

    XYChart chart = Plots.chart("sin x and a 1-16-16-1 network's fit", "x", "y");
    chart.getStyler().setMarkerSize(4);
    XYSeries training = chart.addSeries("training samples", samples.inputs().data(),
        samples.targets().data()); // drawn first, so that the curves stay on top
    training.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    training.setMarkerColor(Color.LIGHT_GRAY);
    chart.addSeries("sin x", x, sin).setMarker(SeriesMarkers.NONE);
    chart.addSeries("network", x, fit).setMarker(SeriesMarkers.NONE);
    Path png = Plots.save(chart, outDir, "sine.png");
    out.println("wrote " + png.toAbsolutePath());
    return new Result(worst, png);
  }

  /**
   * @param largestError the largest |network(x) - sin x| over 201 evenly spaced x in [-pi, pi]
   * @param plot the PNG written
   */
  public record Result(double largestError, Path plot) {}
}
