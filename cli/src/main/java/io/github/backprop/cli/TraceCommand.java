package io.github.backprop.cli;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Dense;
import io.github.backprop.nn.ElementwiseActivation;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.TrainingDivergedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code trace SPEC}: the first training batch step by step, in the seeds' terms: the forward
 * pass (z and a of every layer), the backward pass (delta by BP1 and BP2, the bias and weight
 * gradients by BP3 and BP4), and the parameters after the optimizer's step.
 *
 * <p>Every number comes from the real training step; BP1 to BP4 are then recomputed here by
 * plain loops over the printed values, and the largest difference from the graph's results is
 * reported, so the trace doubles as a check of the engine.
 */
final class TraceCommand implements Command {
  private static final int DIGITS = 10;
  private static final int MAX_VALUES = 8;
  private static final int MAX_ROWS = 8;
  private static final int MAX_SAMPLES = 4;

  @Override
  public String name() {
    return "trace";
  }

  @Override
  public String arguments() {
    return "SPEC";
  }

  @Override
  public String summary() {
    return "prints the first batch's forward pass, backward pass (BP1-BP4) and update";
  }

  @Override
  public void run(List<String> args, Context context) {
    Arguments a = Arguments.parse(this, args, List.of("SPEC"), Set.of());
    Spec spec = Spec.read(Path.of(a.positional(0)), context.components());
    NetworkSpec networkSpec = spec.network(name());
    Loss loss = spec.loss(name());
    Optimizer optimizer = spec.optimizer(name());
    Dataset data = LoadedData.load(spec.data(name()), networkSpec, loss).train();
    Network network = networkSpec.build(spec.seed());
    Spec.Training training = spec.training();
    try {
      FirstBatch batch = FirstBatch.record(network, loss, optimizer, data, training, spec.seed());
      new Writer(context.out(), spec, network, loss, optimizer, data, batch).write();
    } catch (TrainingDivergedException e) {
      throw new BadInputException(spec.file() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw spec.lossRejected(e);
    }
  }

  /** Writes one trace. */
  private static final class Writer {
    private final PrintStream out;
    private final Spec spec;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Dataset data;
    private final FirstBatch batch;
    private final int n;
    private final int shownSamples;
    private double largestDifference;

    Writer(PrintStream out, Spec spec, Network network, Loss loss, Optimizer optimizer,
        Dataset data, FirstBatch batch) {
      this.out = out;
      this.spec = spec;
      this.network = network;
      this.loss = loss;
      this.optimizer = optimizer;
      this.data = data;
      this.batch = batch;
      this.n = batch.rows();
      this.shownSamples = Math.min(n, MAX_SAMPLES);
    }

    void write() {
      header();
      parameters("parameters before the step", batch.before());
      forward();
      backward();
      parameters("parameters after one step of " + optimizer, batch.after());
    }

    private void header() {
      out.println("trace of the first training batch of " + spec.file());
      Spec.Training training = spec.training();
      String rows = training.shuffle()
          ? n + " of the " + data.size() + " rows, the first batch after shuffling with seed "
              + spec.seed()
          : "rows 1 to " + n + " of " + data.size() + ", in data order";
      out.println("  batch:     " + rows + " (batchSize " + training.batchSize() + ")");
      if (training.schedule() != null) {
        out.println("  schedule:  " + training.schedule());
        out.println("             the first epoch's learning rate, used by this step: "
            + optimizer.learningRate());
      }
      if (!Double.isNaN(training.clipGradientNorm())) {
        out.println("  clipping:  the gradients below are scaled to a global 2-norm of at most "
            + training.clipGradientNorm() + " before the step");
      } else if (!Double.isNaN(training.clipGradientValue())) {
        out.println("  clipping:  each gradient below is clamped into [-"
            + training.clipGradientValue() + ", " + training.clipGradientValue()
            + "] before the step");
      }
      StringBuilder layers = new StringBuilder().append(network.inputs()).append(" inputs");
      for (Dense layer : network.layers()) {
        layers.append(" -> ").append(layer.name()).append(": ").append(layer.units()).append(' ')
            .append(layer.activation().name());
        if (!layer.activation().parameters().isEmpty()) {
          layers.append(new TreeMap<>(layer.activation().parameters()));
        }
      }
      out.println("  network:   " + layers);
      out.println("  loss:      C = the MEAN over the batch of each sample's " + loss.name());
      out.println("  notation:  z = W a_prev + b and a = f(z) for each sample; W[j][k] is the"
          + " weight from input k");
      out.println("             to unit j; delta = dC/dz; '*' multiplies element by element");
    }

    private void parameters(String title, List<Tensor> values) {
      out.println();
      out.println(title);
      for (int l = 0; l < network.layers().size(); l++) {
        String name = network.layers().get(l).name();
        out.println("  " + name + "  W = " + tensor(values.get(2 * l)));
        out.println("  " + pad(name) + "  b = " + tensor(values.get(2 * l + 1)));
      }
    }

    private void forward() {
      out.println();
      out.println("forward pass");
      for (int r = 0; r < shownSamples; r++) {
        out.println("  sample " + (r + 1) + ": x = " + row(batch.input(), r) + ", y = "
            + row(batch.target(), r));
        for (int l = 0; l < network.layers().size(); l++) {
          String name = network.layers().get(l).name();
          out.println("    " + name + "  z = " + row(batch.z().get(l), r));
          out.println("    " + pad(name) + "  a = " + row(batch.a().get(l), r));
        }
      }
      moreSamples();
      out.println("  C = " + Numbers.format(batch.loss(), DIGITS));
    }

    private void backward() {
      out.println();
      out.println("backward pass (C is the batch mean, so each sample's dC/da and delta carry a"
          + " factor 1/" + n + ")");
      int last = network.layers().size() - 1;
      Tensor[] fPrime = new Tensor[last + 1];
      for (int l = 0; l <= last; l++) {
        fPrime[l] = derivative(network.layers().get(l).activation(), batch.z().get(l),
            batch.a().get(l));
      }
      boolean fused = loss.gradientAtWeightedInput(network.layers().get(last).activation(),
          batch.z().get(last).copy(), batch.a().get(last).copy(), batch.target().copy(),
          Tensor.zeros(n, network.outputs()));
      Tensor dCda = Tensor.zeros(n, network.outputs());
      if (!fused) {
        loss.gradient(batch.a().get(last), batch.target(), dCda);
      }
      Tensor[] wTdelta = new Tensor[last];
      for (int l = 0; l < last; l++) {
        wTdelta[l] = transposedTimes(batch.before().get(2 * (l + 1)), batch.delta().get(l + 1));
      }
      for (int r = 0; r < n; r++) {
        boolean shown = r < shownSamples;
        if (shown) {
          out.println("  sample " + (r + 1));
        }
        bp1(r, shown, last, dCda, fPrime[last], fused);
        for (int l = last - 1; l >= 0; l--) {
          bp2(r, shown, l, wTdelta[l], fPrime[l]);
        }
      }
      moreSamples();
      bp3();
      bp4();
      out.println("  check: BP1-BP4 recomputed here by plain loops from the values above agree"
          + " with the graph's backward pass; largest difference "
          + Numbers.format(largestDifference, 3));
    }

    private void bp1(int r, boolean shown, int last, Tensor dCda, Tensor fPrime, boolean fused) {
      String name = network.layers().get(last).name();
      Activation f = network.layers().get(last).activation();
      Tensor delta = batch.delta().get(last);
      if (fused) {
        if (shown) {
          out.println("    BP1 " + name + "  delta = " + row(delta, r) + "  (" + loss.name()
              + " computes it fused with " + f.name() + ", from a and y)");
        }
        return;
      }
      if (fPrime == null) {
        if (shown) {
          out.println("    BP1 " + name + "  dC/da = " + row(dCda, r));
          out.println("    " + pad("BP1 " + name) + "  delta = J_f(z)^T dC/da = " + row(delta, r)
              + "  (" + f.name() + " acts on the whole row)");
        }
        return;
      }
      compare(delta, r, dCda, fPrime);
      if (shown) {
        String indent = "    " + pad("BP1 " + name) + "  ";
        out.println("    BP1 " + name + "  dC/da = " + row(dCda, r));
        out.println(indent + "f'(z)  = " + row(fPrime, r));
        out.println(indent + "delta  = dC/da * f'(z) = " + row(delta, r));
      }
    }

    private void bp2(int r, boolean shown, int l, Tensor wTdelta, Tensor fPrime) {
      String name = network.layers().get(l).name();
      String next = network.layers().get(l + 1).name();
      Tensor delta = batch.delta().get(l);
      String indent = "    " + pad("BP2 " + name) + "  ";
      if (shown) {
        out.println("    BP2 " + name + "  W^T delta = " + row(wTdelta, r) + "  (W and delta of "
            + next + ")");
      }
      if (fPrime == null) {
        if (shown) {
          out.println(indent + "delta = J_f(z)^T (W^T delta) = " + row(delta, r) + "  ("
              + network.layers().get(l).activation().name() + " acts on the whole row)");
        }
        return;
      }
      compare(delta, r, wTdelta, fPrime);
      if (shown) {
        out.println(indent + "f'(z)     = " + row(fPrime, r));
        out.println(indent + "delta     = W^T delta * f'(z) = " + row(delta, r));
      }
    }

    private void bp3() {
      out.println("  BP3  dC/db = the sum over the batch of delta");
      for (int l = network.layers().size() - 1; l >= 0; l--) {
        Tensor delta = batch.delta().get(l);
        Tensor gradient = batch.gradients().get(2 * l + 1);
        for (int j = 0; j < delta.cols(); j++) {
          double sum = 0;
          for (int r = 0; r < n; r++) {
            sum += delta.get(r, j);
          }
          note(sum, gradient.get(j));
        }
        out.println("    " + network.layers().get(l).name() + "  " + tensor(gradient));
      }
    }

    private void bp4() {
      out.println("  BP4  dC/dW[j][k] = the sum over the batch of delta[j] * a_prev[k]");
      for (int l = network.layers().size() - 1; l >= 0; l--) {
        Tensor delta = batch.delta().get(l);
        Tensor previous = l == 0 ? batch.input() : batch.a().get(l - 1);
        Tensor gradient = batch.gradients().get(2 * l);
        for (int j = 0; j < gradient.rows(); j++) {
          for (int k = 0; k < gradient.cols(); k++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
              sum += delta.get(r, j) * previous.get(r, k);
            }
            note(sum, gradient.get(j, k));
          }
        }
        out.println("    " + network.layers().get(l).name() + "  " + tensor(gradient));
      }
    }

    /** Checks row r of {@code delta} against {@code left * right}, element by element. */
    private void compare(Tensor delta, int r, Tensor left, Tensor right) {
      for (int j = 0; j < delta.cols(); j++) {
        note(left.get(r, j) * right.get(r, j), delta.get(r, j));
      }
    }

    private void note(double recomputed, double graph) {
      largestDifference = Math.max(largestDifference, Math.abs(recomputed - graph));
    }

    private void moreSamples() {
      if (n > shownSamples) {
        out.println("  ... " + (n - shownSamples) + " more samples");
      }
    }

    /** f'(z) element by element, or null when f is not element-wise (softmax). */
    private static Tensor derivative(Activation f, Tensor z, Tensor a) {
      if (!(f instanceof ElementwiseActivation)) {
        return null;
      }
      Tensor ones = Tensor.zeros(z.shape());
      ones.fillInPlace(1.0);
      Tensor out = Tensor.zeros(z.shape());
      f.backward(z, a, ones, out);
      return out;
    }

    /** Each row r of the result is W^T delta[r]: shape [batch, fan-in]. */
    private static Tensor transposedTimes(Tensor w, Tensor delta) {
      Tensor out = Tensor.zeros(delta.rows(), w.cols());
      for (int r = 0; r < delta.rows(); r++) {
        for (int k = 0; k < w.cols(); k++) {
          double sum = 0;
          for (int j = 0; j < w.rows(); j++) {
            sum += w.get(j, k) * delta.get(r, j);
          }
          out.set(r, k, sum);
        }
      }
      return out;
    }

    private static String row(Tensor t, int r) {
      return Numbers.row(t, r, MAX_VALUES, DIGITS);
    }

    private static String tensor(Tensor t) {
      return Numbers.tensor(t, MAX_ROWS, MAX_VALUES, DIGITS);
    }

    private static String pad(String s) {
      return " ".repeat(s.length());
    }
  }
}
