package io.github.backprop.examples;

import io.github.backprop.data.CsvReader;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.LabeledDataset;
import io.github.backprop.data.Scaler;
import io.github.backprop.data.Split;
import io.github.backprop.data.Splits;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.Components;
import io.github.backprop.nn.Network;
import io.github.backprop.train.ConfusionMatrix;
import io.github.backprop.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Fisher's iris flowers: 4 measurements, 3 species, 150 rows (bundled as {@code iris.csv}, UCI,
 * CC BY 4.0; see {@code DATA.md}). A 4-8-3 network classifies a held-out fifth.
 *
 * <p>The features are standardised (mean 0, standard deviation 1) with statistics from the
 * training part only, so that the test part stays unseen. The species column becomes one-hot
 * targets; the output is a softmax trained with cross-entropy.
 *
 * <p>Run: {@code java -jar backprop-examples.jar iris [--epochs 100]}
 */
public final class Iris {
  static final int EPOCHS = 100;
  /**
   * Seeds the split, the weights and the shuffles. Which 30 flowers are held out matters more
   * than the training: a few versicolor and virginica flowers overlap, and over split seeds 0 to 3
   * the same recipe scores 90% to 100%.
   */
  static final long SEED = 1;

  private Iris() {}

  public static void main(String[] args) throws IOException {
    Args options = Args.parse("iris", args, "epochs");
    run(options.intValue("epochs", EPOCHS), System.out);
  }

  /**
   * Trains on 120 rows and tests on the other 30 (10 per species).
   *
   * @return the accuracy on the test rows
   */
  public static double run(int epochs, PrintStream out) throws IOException {
    LabeledDataset iris = CsvReader.readResource(Iris.class, "iris.csv")
        .toDataset(List.of("species"), true);
    Split split = Splits.stratified(iris.data(), 0.2, SEED);
    Scaler scaler = Scaler.standard(split.train().inputs()); // fitted on training rows only
    Dataset train = new Dataset(scaler.transform(split.train().inputs()), split.train().targets());
    Dataset test = new Dataset(scaler.transform(split.test().inputs()), split.test().targets());

    Components components = Backprop.components();
    Network network = Network.builder(4)
        .dense(8, components.activation("tanh"))
        .dense(3, components.activation("softmax"))
        .seed(SEED)
        .build();
    out.println("Training " + network + " on " + train.size() + " iris flowers:");
    Trainer.builder()
        .loss(components.loss("cross_entropy"))
        .optimizer(components.optimizer("adam", Map.of("learningRate", 0.01)))
        .epochs(epochs)
        .batchSize(16)
        .shuffle(SEED)
        .listener(Progress.bar(out))
        .build()
        .fit(network, train);

    ConfusionMatrix confusion = ConfusionMatrix.of(network.predict(test.inputs()), test.targets());
    out.println("Confusion matrix on the " + test.size() + " held-out flowers (classes "
        + iris.classes() + "):");
    out.println(confusion);
    out.printf("test accuracy: %.1f%%%n", 100 * confusion.accuracy());
    return confusion.accuracy();
  }
}
