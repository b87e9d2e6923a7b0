package io.github.backprop.bench;

import io.github.backprop.data.Dataset;
import java.util.Arrays;
import java.util.Locale;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.error.CrossEntropyErrorFunction;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.back.Backpropagation;

/**
 * {@link MnistMlp} in Encog 3.4, the pure-Java peer of the comparison: the same data, a
 * 784-256-128-10 relu/relu/softmax {@link BasicNetwork} trained by Encog's {@link
 * Backpropagation} in batches of 64 rows, in data order, one weight update per batch.
 *
 * <p>Where Encog differs, the closest setting is used:
 *
 * <ul>
 *   <li>Loss: {@link CrossEntropyErrorFunction}, whose output delta y - a with softmax's
 *       derivative taken as 1 is the fused softmax + cross-entropy gradient, as ours.
 *   <li>Learning rate: Encog sums the gradient over the batch where we average it, so its rate
 *       is 0.05 / 64, the same step.
 *   <li>Threads: with a batch size set, Encog's propagation runs on one thread; it has no
 *       multi-threaded mini-batch mode.
 *   <li>Initial weights: Encog's own (Nguyen-Widrow), seeded.
 * </ul>
 *
 * <p>The last line is JSON, as {@link EndToEnd} prints: {@code {"workload": "mnist-mlp",
 * "library": "encog-3.4", "threads": 1, "msPerEpoch": [...], ...}}.
 */
final class EncogMnistMlp {
  private EncogMnistMlp() {}

  /** Options: {@code --epochs E} timed epochs after one warm-up epoch (default 2). */
  static void run(String[] args) {
    int epochs = 2;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--epochs")) {
        epochs = Main.intOption(args, ++i, "--epochs", 1);
      } else {
        throw new IllegalArgumentException(
            "encog: unknown option " + args[i] + "; expected --epochs E");
      }
    }
    BasicMLDataSet training = dataSet();
    BasicNetwork network = new BasicNetwork();
    network.addLayer(new BasicLayer(null, true, MnistMlp.INPUTS));
    network.addLayer(new BasicLayer(new ActivationReLU(), true, 256));
    network.addLayer(new BasicLayer(new ActivationReLU(), true, 128));
    network.addLayer(new BasicLayer(new ActivationSoftMax(), false, MnistMlp.CLASSES));
    network.getStructure().finalizeStructure();
    network.reset((int) MnistMlp.NETWORK_SEED);

    Backpropagation train = new Backpropagation(network, training,
        MnistMlp.LEARNING_RATE / MnistMlp.BATCH_SIZE, 0.0);
    train.setBatchSize(MnistMlp.BATCH_SIZE);
    train.setErrorFunction(new CrossEntropyErrorFunction());
    train.setThreadCount(1);

    double[] ms = new double[epochs + 1];
    for (int epoch = 1; epoch <= epochs + 1; epoch++) {
      long start = System.nanoTime();
      train.iteration();
      ms[epoch - 1] = (System.nanoTime() - start) / 1e6;
      System.out.printf(Locale.ROOT, "epoch %d%s: %.1f ms, error %.5f%n", epoch,
          epoch == 1 ? " (warm-up)" : "", ms[epoch - 1], train.getError());
    }
    train.finishTraining();
    double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
    StringBuilder json = new StringBuilder("{\"workload\": \"").append(MnistMlp.NAME)
        .append("\", \"library\": \"encog-3.4\", \"threads\": 1, \"msPerEpoch\": [");
    for (int i = 0; i < timed.length; i++) {
      json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", timed[i]));
    }
    json.append("], \"samplesPerSecond\": ").append(String.format(Locale.ROOT, "%.1f",
        MnistMlp.SAMPLES / EndToEnd.median(timed) * 1000)).append('}');
    System.out.println(json);
  }

  /** The workload's data as Encog's row arrays. */
  private static BasicMLDataSet dataSet() {
    Dataset data = MnistMlp.data(MnistMlp.SAMPLES);
    double[][] x = new double[data.size()][];
    double[][] y = new double[data.size()][];
    for (int r = 0; r < data.size(); r++) {
      x[r] = data.inputs().row(r);
      y[r] = data.targets().row(r);
    }
    return new BasicMLDataSet(x, y);
  }
}
