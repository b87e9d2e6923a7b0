package io.github.backprop.cli;

import io.github.backprop.data.CsvReader;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Scaler;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Metrics;
import io.github.backprop.train.ProgressBar;
import io.github.backprop.train.Trainer;
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
 * each digit for the test. The network: 64 inputs, 128 ReLU units, 10 softmax outputs, trained
 * with cross-entropy and Adam (learning rate 0.001) for 50 epochs of shuffled batches of 32;
 * over several seeds of split, weights and shuffle it reaches 97.5-98.5% on the held-out digits,
 * as scikit-learn's MLPClassifier does with Adam.
 */
final class DemoCommand implements Command {
  static final String RESOURCE = "digits.csv.gz";
  static final long SEED = 42;
  static final double TEST_FRACTION = 0.2;
  static final int HIDDEN_UNITS = 128;
  static final String HIDDEN_ACTIVATION = "relu";
  static final String OUTPUT_ACTIVATION = "softmax";
  static final String LOSS = "cross_entropy";
  static final String OPTIMIZER = "adam";
  static final Map<String, Object> OPTIMIZER_PARAMETERS = Map.of("learningRate", 0.001);
  static final int EPOCHS = 50;
  static final int BATCH_SIZE = 32;

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
        // Progress goes to stderr, redrawn in place when there is a terminal to redraw it on.
        .listener(ProgressBar.to(context.err(), System.console() != null))
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
}
