package io.github.backprop.nn;

import io.github.backprop.internal.Plural;
import io.github.backprop.internal.SeededRandom;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A sequential stack of {@link Dense} layers, the seeds' feed-forward network.
 *
 * <pre>{@code
 * Network net = Network.builder(2)            // 2 inputs
 *     .dense(2, sigmoid)                      // hidden layer: 2 sigmoid units
 *     .dense(1, identity)                     // output: 1 linear unit
 *     .seed(7)
 *     .build();
 * Tensor yHat = net.predict(Tensor.of(new double[][] {{0.05, 0.10}}));
 * }</pre>
 *
 * <p>The network owns its parameters; {@link #pass(int)} gives the graph and buffers for one
 * batch size, built on first use and reused. Not thread-safe: one thread drives it, and with
 * {@link Builder#workers(WorkerPool) workers} its kernels fan out over the pool's threads, with
 * results bit-identical to the calling thread's alone.
 */
public final class Network {
  /** Rows per chunk when predicting on many rows, bounding memory whatever the data's size. */
  static final int PREDICT_CHUNK = 512;
  private static final int CACHED_PASSES = 4;

  private final int inputs;
  private final List<Dense> layers;
  private final List<Parameter> parameters;
  private final WorkerPool workers;
  private final Map<Integer, Pass> passes =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Pass> eldest) {
          return size() > CACHED_PASSES;
        }
      };
  private Pass lastPass;

  private Network(int inputs, List<Dense> layers, WorkerPool workers) {
    this.inputs = inputs;
    this.layers = List.copyOf(layers);
    this.workers = workers;
    List<Parameter> params = new ArrayList<>();
    for (Dense layer : layers) {
      params.addAll(layer.parameters());
    }
    this.parameters = List.copyOf(params);
  }

  /** Starts a network whose input rows have {@code inputs} values. */
  public static Builder builder(int inputs) {
    return new Builder(inputs);
  }

  public int inputs() {
    return inputs;
  }

  /** The width of the last layer. */
  public int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  public List<Dense> layers() {
    return layers;
  }

  /** Every layer's weights then bias, in layer order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * The threads this network's kernels run on, if it was given any ({@link
   * Builder#workers(WorkerPool)}); empty when they run on the calling thread alone.
   */
  public Optional<WorkerPool> workers() {
    return Optional.ofNullable(workers);
  }

  /**
   * The graph and buffers for batches of {@code batchSize} rows (a few sizes are cached).
   *
   * @throws IllegalArgumentException if batchSize is below 1
   */
  public Pass pass(int batchSize) {
    if (lastPass != null && lastPass.batchSize() == batchSize) {
      return lastPass;
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    lastPass = passes.computeIfAbsent(batchSize, size -> new Pass(this, size));
    return lastPass;
  }

  /**
   * The network's outputs for each row of x, computed in chunks so memory stays bounded.
   *
   * @param x shape [rows, inputs]
   * @return a new tensor, shape [rows, outputs]
   * @throws IllegalArgumentException if the rows of x are not {@link #inputs()} wide
   */
  public Tensor predict(Tensor x) {
    requireInputWidth("predict", x);
    int rows = x.rows();
    Tensor out = Tensor.zeros(rows, outputs());
    for (int from = 0; from < rows; from += PREDICT_CHUNK) {
      int to = Math.min(rows, from + PREDICT_CHUNK);
      Pass pass = pass(to - from);
      pass.load(x, null, null, from, to);
      pass.forward();
      System.arraycopy(pass.output().data(), 0, out.data(), from * outputs(),
          (to - from) * outputs());
    }
    return out;
  }

  /**
   * Checks that the rows of x have one value per input.
   *
   * @param where what is being called, for the message (such as "train inputs")
   */
  public void requireInputWidth(String where, Tensor x) {
    if (x.shape().rank() != 2 || x.cols() != inputs) {
      throw new IllegalArgumentException(
          where + ": expected rows of " + Plural.of(inputs, "value") + " (the network has "
              + Plural.of(inputs, "input") + "), got shape " + x.shape());
    }
  }

  /** Copies of every parameter's values, in {@link #parameters()} order. */
  public List<Tensor> parameterValues() {
    List<Tensor> copies = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      copies.add(p.value().copy());
    }
    return copies;
  }

  /** Overwrites every parameter with the given values (as from {@link #parameterValues()}). */
  public void setParameterValues(List<Tensor> values) {
    if (values.size() != parameters.size()) {
      throw new IllegalArgumentException(
          "expected " + parameters.size() + " parameter tensors, got " + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      parameters.get(i).value().copyFromInPlace(values.get(i));
    }
  }

  /** Layer sizes and activations, as {@code 2-2(sigmoid)-1(identity)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Network[").append(inputs);
    for (Dense layer : layers) {
      sb.append('-').append(layer.units())
          .append('(').append(layer.activation().name()).append(')');
    }
    return sb.append(']').toString();
  }

  /** Adds layers one at a time; checks each as it is added. */
  public static final class Builder {
    private final int inputs;
    private final List<LayerSpec> specs = new ArrayList<>();
    private long seed;
    private WorkerPool workers;

    private Builder(int inputs) {
      if (inputs < 1) {
        throw new IllegalArgumentException("network: inputs must be at least 1, got " + inputs);
      }
      this.inputs = inputs;
    }

    private record LayerSpec(int units, Activation activation, Initializer weightInit,
        Initializer biasInit, Tensor weights, Tensor bias) {}

    /**
     * A dense layer whose weights come from the activation's default initializer and whose
     * biases start at zero.
     */
    public Builder dense(int units, Activation activation) {
      return dense(units, activation, Initializers.named(activation.defaultInitializer()),
          Initializers.zeros());
    }

    /** A dense layer with the given weight and bias initializers. */
    public Builder dense(int units, Activation activation, Initializer weightInit,
        Initializer biasInit) {
      requireUnits(units);
      specs.add(new LayerSpec(units, Objects.requireNonNull(activation, "activation"),
          Objects.requireNonNull(weightInit, "weightInit"),
          Objects.requireNonNull(biasInit, "biasInit"), null, null));
      return this;
    }

    /**
     * A dense layer with explicit starting values.
     *
     * @param weights shape [units, fan-in]: row j holds the weights into unit j
     * @param bias shape [units]
     * @throws io.github.backprop.tensor.ShapeMismatchException (at {@link #build()}) if the shapes
     *     do not fit the previous layer's width
     */
    public Builder dense(Activation activation, Tensor weights, Tensor bias) {
      requireUnits(weights.rows());
      specs.add(new LayerSpec(weights.rows(), Objects.requireNonNull(activation, "activation"),
          null, null, weights.copy(), bias.copy()));
      return this;
    }

    /** The seed of the generator every initializer draws from, layer by layer. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Runs the network's kernels (training and prediction) on the threads of {@code workers}.
     * Results are bit-identical whatever the pool's size: every output element is computed by
     * one thread in a fixed order. The pool stays the caller's: close it when done with the
     * network, which then no longer runs. Default: the calling thread alone.
     *
     * <pre>{@code
     * try (WorkerPool workers = WorkerPool.create(2)) {
     *   Network net = Network.builder(784).dense(256, relu).dense(10, softmax)
     *       .workers(workers).build();
     *   trainer.fit(net, data);
     * }
     * }</pre>
     */
    public Builder workers(WorkerPool workers) {
      this.workers = Objects.requireNonNull(workers, "workers");
      return this;
    }

    private void requireUnits(int units) {
      if (units < 1) {
        throw new IllegalArgumentException(
            "layers[" + specs.size() + "]: units must be at least 1, got " + units);
      }
    }

    /**
     * The network, with parameters drawn from a generator seeded with {@link #seed(long)}.
     *
     * @throws IllegalStateException if no layer was added
     * @throws io.github.backprop.tensor.ShapeMismatchException if explicit weights or biases do
     *     not fit
     */
    public Network build() {
      if (specs.isEmpty()) {
        throw new IllegalStateException("network: add at least one layer before build()");
      }
      RandomGenerator random = new SeededRandom(seed);
      List<Dense> layers = new ArrayList<>();
      int width = inputs;
      for (int l = 0; l < specs.size(); l++) {
        LayerSpec spec = specs.get(l);
        String name = "layers[" + l + "]";
        Tensor w;
        Tensor b;
        if (spec.weights() != null) {
          w = spec.weights();
          b = spec.bias();
          requireShape(name + ".weights", w, spec.units(), width, l == 0
              ? "the network has " + Plural.of(width, "input")
              : "the previous layer has " + Plural.of(width, "unit"));
          requireShape(name + ".bias", b, spec.units(), -1,
              "the layer has " + Plural.of(spec.units(), "unit"));
        } else {
          w = Tensor.zeros(spec.units(), width);
          b = Tensor.zeros(spec.units());
          spec.weightInit().initialize(w, width, spec.units(), random);
          spec.biasInit().initialize(b, width, spec.units(), random);
        }
        layers.add(new Dense(name, width, spec.activation(),
            new Parameter(name + ".weights", w), new Parameter(name + ".bias", b)));
        width = spec.units();
      }
      return new Network(inputs, layers, workers);
    }

    private static void requireShape(String where, Tensor t, int rows, int cols, String why) {
      boolean matrix = cols >= 0;
      boolean ok = matrix
          ? t.shape().rank() == 2 && t.rows() == rows && t.cols() == cols
          : t.shape().rank() == 1 && t.size() == rows;
      if (!ok) {
        String expected = matrix ? "[" + rows + ", " + cols + "]" : "[" + rows + "]";
        throw new io.github.backprop.tensor.ShapeMismatchException(
            where + ": expected shape " + expected + " (" + why + "), got " + t.shape(),
            expected, t.shape().toString());
      }
    }
  }
}
