package io.github.backprop.nn;

import io.github.backprop.graph.Affine;
import io.github.backprop.graph.Graph;
import io.github.backprop.graph.Node;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;
import java.util.List;

/**
 * A network's graph for one batch size, with every buffer it needs: write a batch into
 * {@link #input()}, run {@link #forward()}, seed a gradient, and the parameters' gradients fill.
 *
 * <p>Everything a learner wants to see is readable per layer after a run: z and a
 * ({@link #weightedInput}, {@link #activation}) after forward, and delta = dC/dz ({@link #delta})
 * after backward. Buffers are live and reused by the next run. Obtained from
 * {@link Network#pass(int)}; not thread-safe.
 */
public final class Pass {
  private final Network network;
  private final Graph graph;
  private final Node input;
  private final Node[] z;
  private final Node[] a;
  private final Tensor target;
  private final Tensor outputGradient;
  private final RowCopy rowCopy;
  /** The first layer's op, the only reader of the input: it can read a batch in place. */
  private final Affine firstAffine;
  /** The tensor whose rows the first layer reads in place (see {@link #view}), or null. */
  private Tensor viewed;
  private int viewedFrom;

  Pass(Network network, int batchSize) {
    this.network = network;
    Graph.Builder builder = Graph.builder();
    input = builder.input("input", Shape.of(batchSize, network.inputs()));
    List<Dense> layers = network.layers();
    z = new Node[layers.size()];
    a = new Node[layers.size()];
    Node previous = input;
    for (int l = 0; l < layers.size(); l++) {
      Node[] za = layers.get(l).addTo(builder, previous, network.workers().orElse(null));
      z[l] = za[0];
      a[l] = za[1];
      previous = za[1];
    }
    graph = builder.build();
    graph.prepareBackward(a[a.length - 1]);
    graph.prepareBackward(z[z.length - 1]);
    target = Tensor.zeros(batchSize, network.outputs());
    outputGradient = Tensor.zeros(batchSize, network.outputs());
    rowCopy = new RowCopy(network.workers().orElse(null));
    // Dense's weighted input: the one op that reads the input node.
    firstAffine = (Affine) z[0].op();
  }

  public Network network() {
    return network;
  }

  public int batchSize() {
    return input.value().rows();
  }

  public Graph graph() {
    return graph;
  }

  /**
   * The input buffer, [batch, inputs], holding the current batch: write the batch here. After
   * {@link #view}, this first copies the viewed rows in, and the pass reads the buffer again.
   */
  public Tensor input() {
    if (viewed != null) {
      rowCopy.copy(viewed, null, viewedFrom, input.value());
      stopViewing();
    }
    return input.value();
  }

  /** A buffer for the batch's targets, [batch, outputs], for the training loop's use. */
  public Tensor target() {
    return target;
  }

  /** A buffer for the gradient that seeds backward, [batch, outputs]. */
  public Tensor outputGradient() {
    return outputGradient;
  }

  /**
   * Copies rows {@code order[from..to)} of x (and of y, unless y is null) into the input (and
   * target) buffers; {@code to - from} must equal the batch size. A large batch is copied on the
   * network's workers, if it has any.
   */
  public void load(Tensor x, Tensor y, int[] order, int from, int to) {
    requireBatch("load", from, to);
    stopViewing();
    rowCopy.copy(x, order, from, input.value());
    if (y != null) {
      rowCopy.copy(y, order, from, target);
    }
  }

  /**
   * Like {@code load(x, y, null, from, to)}, but the first layer reads rows [from, to) of x where
   * they lie instead of a copy (the targets are still copied). The training loop uses it for
   * unshuffled batches on several threads: a copied batch costs them more than the copy, since
   * each thread then reads the rows the other has just written. x must not change until the
   * next {@code load}, {@code view} or {@link #input()}.
   *
   * @throws IllegalArgumentException if the rows do not fill a batch, lie outside x, or x is not
   *     as wide as the input
   */
  public void view(Tensor x, Tensor y, int from, int to) {
    requireBatch("view", from, to);
    if (from < 0 || to > x.rows()) {
      throw new IllegalArgumentException(
          "view: rows [" + from + ", " + to + ") lie outside the " + x.rows() + " rows of x");
    }
    if (x.cols() != input.value().cols()) {
      throw new IllegalArgumentException(
          "view: x has " + x.cols() + " columns, the network takes " + input.value().cols());
    }
    if (y != null && (to > y.rows() || y.cols() != target.cols())) {
      throw new IllegalArgumentException("view: y has shape " + y.shape() + "; rows [" + from
          + ", " + to + ") of " + target.cols() + " targets each were expected");
    }
    viewed = x;
    viewedFrom = from;
    firstAffine.readInputFrom(x.data(), from * x.cols());
    if (y != null) {
      rowCopy.copy(y, null, from, target);
    }
  }

  /** Throws, naming {@code method}, unless rows [from, to) are exactly one batch. */
  private void requireBatch(String method, int from, int to) {
    if (to - from != batchSize()) {
      throw new IllegalArgumentException(
          method + ": " + (to - from) + " rows do not fill a batch of " + batchSize());
    }
  }

  /** Makes the first layer read the input buffer again. */
  private void stopViewing() {
    if (viewed != null) {
      viewed = null;
      firstAffine.readInputFrom(null, 0);
    }
  }

  /** Copies a batch of rows, on the workers when it is large. Reused across batches. */
  private static final class RowCopy implements WorkerPool.RangeTask {
    /** Below this many values the copy runs on the calling thread: a hand-off costs more. */
    private static final int PARALLEL_SIZE = 1 << 14;

    private final WorkerPool workers;
    private double[] src;
    private double[] dst;
    private int cols;
    private int[] order;
    private int first;

    RowCopy(WorkerPool workers) {
      this.workers = workers;
    }

    /** Copies rows order[first + i] (or first + i) of source into row i of dest, for each i. */
    void copy(Tensor source, int[] order, int first, Tensor dest) {
      src = source.data();
      dst = dest.data();
      cols = source.cols();
      this.order = order;
      this.first = first;
      try {
        WorkerPool.parallelForIfLarge(workers, dest.rows(), dest.size() >= PARALLEL_SIZE, this);
      } finally {
        src = null;
        dst = null;
        this.order = null;
      }
    }

    @Override
    public void run(int from, int to) {
      for (int i = from; i < to; i++) {
        int row = order == null ? first + i : order[first + i];
        System.arraycopy(src, row * cols, dst, i * cols, cols);
      }
    }
  }

  /** Runs every layer forward on the current input. */
  public void forward() {
    graph.forward();
  }

  /** The last layer's output a^L, [batch, outputs]. */
  public Tensor output() {
    return a[a.length - 1].value();
  }

  /** z^l of layer l (0-based), [batch, units]. */
  public Tensor weightedInput(int layer) {
    return z[layer].value();
  }

  /** a^l of layer l (0-based), [batch, units]. */
  public Tensor activation(int layer) {
    return a[layer].value();
  }

  /** delta^l = dC/dz^l of layer l after the last backward, [batch, units]. */
  public Tensor delta(int layer) {
    return z[layer].grad();
  }

  /** Back-propagates dC/da^L (BP1 happens inside the last activation's backward). */
  public void backward(Tensor outputGradient) {
    graph.backward(a[a.length - 1], outputGradient);
  }

  /**
   * Back-propagates delta^L = dC/dz^L given directly, as a loss fused with the output activation
   * computes it (softmax + cross-entropy: a - y), skipping the activation's own backward.
   */
  public void backwardFromWeightedInput(Tensor deltaL) {
    graph.backward(z[z.length - 1], deltaL);
  }

  /** The first node (in forward order) holding a NaN or infinity, or null if all are finite. */
  public String firstNonFiniteNode() {
    input(); // the input node's buffer then holds the batch, even a viewed one
    for (Node node : graph.nodes()) {
      if (node.value().firstNonFinite() >= 0) {
        return node.name();
      }
    }
    return null;
  }
}
