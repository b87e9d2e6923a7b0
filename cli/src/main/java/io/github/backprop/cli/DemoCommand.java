package io.github.backprop.cli;

import io.github.backprop.data.CsvReader;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Scaler;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.train.EpochSummary;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * {@code demo}: trains a small network on the bundled digits data set and prints its accuracy
 * on held-out digits, with a progress bar on stderr.
 *
 * <p>The data: 1797 handwritten digits as 8x8 images of pixel counts 0..16, from the UCI "Optical
 * Recognition of Handwritten Digits" data set (E. Alpaydin, C. Kaynak; CC BY 4.0), in the form
 * scikit-learn ships. Pixels are divided by 16; a stratified split (seeded) holds out 20% of
 * each digit for the test.
 */
final class DemoCommand implements Command {
  static final String RESOURCE = "digits.csv.gz";
  static final long SEED = 42;
  static final double TEST_FRACTION = 0.2;
  static final int HIDDEN_UNITS = 64;
  static final String HIDDEN_ACTIVATION = "sigmoid";
  static final String OUTPUT_ACTIVATION = "sigmoid";
  static final String LOSS = "squared_error";
  static final String OPTIMIZER = "sgd";
  static final Map<String, Object> OPTIMIZER_PARAMETERS = Map.of("learningRate", 3.0);
  static final int EPOCHS = 30;
  static final int BATCH_SIZE = 10;
  private static final int BAR_WIDTH = 30;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String arguments() {
    return "";
  }

  @Override
  public String summary() {
    return "trains a network on the bundled handwritten digits and prints its test accuracy";
  }

  @Override
  public void run(List<String> args, Context context) throws IOException {
    Arguments.parse(this, args, List.of(), Set.of());
    Components components = context.components();
    PrintStream out = context.out();
    Dataset digits = digits();
    Split split = Splits.stratified(digits, TEST_FRACTION, SEED);
    out.println("digits: " + digits.size() + " handwritten digits, 8x8 pixels (UCI Optical"
        + " Recognition of Handwritten Digits, CC BY 4.0)");
    out.println("  " + split.train().size() + " to train on, " + split.test().size()
        + " held out for the test (stratified, seed " + SEED + ")");
    Activation hidden = components.activation(HIDDEN_ACTIVATION);
    Activation output = components.activation(OUTPUT_ACTIVATION);
    Network network = Network.builder(digits.inputWidth())
        .dense(HIDDEN_UNITS, hidden)
        .dense(digits.targetWidth(), output)
        .seed(SEED)
        .build();
    Loss loss = components.loss(LOSS);
    Trainer trainer = Trainer.builder()
        .loss(loss)
        .optimizer(components.optimizer(OPTIMIZER, OPTIMIZER_PARAMETERS))
        .epochs(EPOCHS)
        .batchSize(BATCH_SIZE)
        .shuffle(SEED)
        .listener(new ProgressBar(context.err()))
        .build();
    out.println("network: " + network + ", loss " + LOSS + ", optimizer " + trainer.optimizer()
        + ", " + EPOCHS + " epochs of batches of " + BATCH_SIZE);
    trainer.fit(network, split.train());
    Dataset test = split.test();
    double accuracy = Metrics.accuracy(network.predict(test.inputs()), test.targets());
    long correct = Math.round(accuracy * test.size());
    out.printf("test accuracy: %.1f%% (%d of %d digits)%n", 100 * accuracy, correct,
        test.size());
  }

  /** The bundled digits, pixels scaled to [0, 1], labels one-hot in the order 0..9. */
  static Dataset digits() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      Reader reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
      Dataset raw = CsvReader.read(reader, "digits.csv").toDataset(List.of("label"), true).data();
      double[] offset = new double[raw.inputWidth()];
      double[] scale = new double[raw.inputWidth()];
      Arrays.fill(scale, 16.0);  // pixel counts run from 0 to 16
      return new Dataset(Scaler.of(offset, scale).transform(raw.inputs()), raw.targets());
    }
  }

  /** Draws one bar per epoch on stderr, redrawn in place as batches finish. */
  private static final class ProgressBar implements TrainingListener {
    private final PrintStream err;
    private int epochs;
    private int batches;
    private int drawn;

    ProgressBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onTrainingStart(int epochs, int batchesPerEpoch, int samples) {
      this.epochs = epochs;
      this.batches = batchesPerEpoch;
    }

    @Override
    public void onEpochStart(int epoch) {
      drawn = -1;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss, int rows) {
      int filled = batch * BAR_WIDTH / batches;
      if (filled != drawn) {
        drawn = filled;
        err.print("\r" + bar(epoch, filled));
        err.flush();
      }
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
      err.printf("\r%s loss %.4f%n", bar(summary.epoch(), BAR_WIDTH), summary.meanLoss());
    }

    private String bar(int epoch, int filled) {
      String width = String.valueOf(epochs);
      return String.format("epoch %" + width.length() + "d/%s [%s%s]", epoch, width,
          "#".repeat(filled), " ".repeat(BAR_WIDTH - filled));
    }
  }
}
