package io.github.backprop.examples;

import io.github.backprop.data.CsvReader;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.LabeledDataset;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.ConfusionMatrix;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Handwritten digits: 1797 images of 8x8 pixels (bundled as {@code digits.csv}, the UCI optical
 * digits in scikit-learn's form, CC BY 4.0; see {@code DATA.md}), classified by a 64-128-10
 * network: 128 ReLU units and a softmax, trained with Adam on cross-entropy.
 *
 * <p>Two tests of the same recipe:
 * <ul>
 *   <li>a seeded stratified 80/20 split, where every writer appears on both sides: at least 97%
 *       of the test images right;
 *   <li>the last 360 rows held out, written mostly by people not seen in the first 1437: about
 *       90%, the more honest figure for new handwriting.
 * </ul>
 * It prints the confusion matrix on the stratified test set, writes the loss and accuracy curves
 * to {@code digits.png}, and ends with the line {@code test accuracy: N%}.
 *
 * <p>Run: {@code java -jar backprop-examples.jar digits [--epochs 40] [--out DIR]}
 */
public final class Digits {
  static final int EPOCHS = 40;
  static final long SEED = 0;
  /** The rows before the last 360. */
  static final int FIRST_WRITERS = 1437;

  private Digits() {}

  public static void main(String[] args) throws IOException {
    Args options = Args.parse("digits", args, "epochs", "out");
    run(options.intValue("epochs", EPOCHS), options.outDir(), System.out);
  }

  /** Trains on both splits and reports each. */
  public static Result run(int epochs, Path outDir, PrintStream out) throws IOException {
    LabeledDataset digits = CsvReader.readResource(Digits.class, "digits.csv")
        .toDataset(List.of("label"), true); // one-hot over the classes 0 ... 9
    Dataset all = new Dataset(divide(digits.data().inputs(), 16), digits.data().targets());
    Components components = Backprop.components();

    out.println("Held out: the last 360 rows, by writers not seen in training");
    Split byWriter = Splits.byPosition(all, FIRST_WRITERS);
    Network first = network(components);
    trainer(components, epochs, byWriter.test(), out).fit(first, byWriter.train());
    double newWriters = Metrics.accuracy(first.predict(byWriter.test().inputs()),
        byWriter.test().targets());
    out.printf("accuracy on the last 360 rows: %.1f%%%n%n", 100 * newWriters);

    out.println("Held out: a stratified 20%, seed " + SEED);
    Split split = Splits.stratified(all, 0.2, SEED);
    Network network = network(components);
    TrainingHistory history =
        trainer(components, epochs, split.test(), out).fit(network, split.train());
    ConfusionMatrix confusion =
        ConfusionMatrix.of(network.predict(split.test().inputs()), split.test().targets());
    out.println("Confusion matrix (rows: true digit, columns: predicted digit):");
    out.println(confusion);
    Path png = plot(history, outDir);
    out.println("wrote " + png.toAbsolutePath());
    out.printf("test accuracy: %.1f%%%n", 100 * confusion.accuracy());
    return new Result(confusion.accuracy(), newWriters, png);
  }

  /** 64 pixels, 128 ReLU units, a softmax over the 10 digits. */
  private static Network network(Components components) {
    return Network.builder(64)
        .dense(128, components.activation("relu"))
        .dense(10, components.activation("softmax"))
        .seed(SEED)
        .build();
  }

  /** Adam on cross-entropy; the test part is evaluated after every epoch for the curves. */
  private static Trainer trainer(Components components, int epochs, Dataset test,
      PrintStream out) {
    return Trainer.builder()
        .loss(components.loss("cross_entropy"))
        .optimizer(components.optimizer("adam", Map.of("learningRate", 0.001)))
        .epochs(epochs)
        .batchSize(16)
        .shuffle(SEED)
        .validation(test)
        .metric(Metrics.accuracy())
        .listener(Progress.bar(out))
        .build();
  }

  /** Pixel counts 0 ... 16 become values in [0, 1]. */
  private static Tensor divide(Tensor pixels, double by) {
    Tensor scaled = pixels.copy();
    double[] v = scaled.data();
    for (int i = 0; i < v.length; i++) {
      v[i] /= by;
    }
    return scaled;
  }

  /** Loss curves on the left, test accuracy on the right. */
  private static Path plot(TrainingHistory history, Path outDir) {
    double[] epochs = new double[history.epochs().size()];
    for (int i = 0; i < epochs.length; i++) {
      epochs[i] = i + 1;
    }
    XYChart loss = Plots.chart("Cross-entropy per epoch", "epoch", "mean loss");
    loss.addSeries("training", epochs, history.losses());
    loss.addSeries("test", epochs, history.validationLosses());
    XYChart accuracy = Plots.chart("Accuracy on the test set", "epoch", "accuracy");
    accuracy.addSeries("test", epochs, history.metric("accuracy"));
    return Plots.save(List.of(loss, accuracy), outDir, "digits.png");
  }

  /**
   * @param testAccuracy accuracy on the stratified 20% test set
   * @param newWritersAccuracy accuracy on the last 360 rows after training on the first 1437
   * @param plot the PNG written, two charts side by side
   */
  public record Result(double testAccuracy, double newWritersAccuracy, Path plot) {}
}
