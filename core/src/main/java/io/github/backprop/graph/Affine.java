package io.github.backprop.graph;

import io.github.backprop.kernels.Elementwise;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;

/**
 * {@code z = x W^T + b} for a batch x of shape [batch, in], weights W of shape [units, in] (row j
 * holds the weights into unit j, Nielsen's w_jk) and bias b of shape [units]: a dense layer's
 * weighted input, one gemm forward and two backward.
 *
 * <p>An instance keeps the arguments of its bias loop while it runs, so give each graph its own
 * (as {@code Dense} does); graphs are not thread-safe anyway.
 */
public final class Affine implements Op {
  /** The adding form of backward: no input gradient is overwritten. Never written to. */
  private static final boolean[] ADD_ALL = new boolean[3];

  /** Below this many elements the bias loops run on the calling thread: a hand-off costs more. */
  private static final int PARALLEL_SIZE = 1 << 13;

  private final WorkerPool workers;
  private final BiasRanges bias = new BiasRanges();
  /** Where x is read from instead of the input tensor (see {@link #readInputFrom}), or null. */
  private double[] inputStorage;
  private int inputOffset;

  /** An affine op whose products run on the calling thread. */
  public Affine() {
    this(null);
  }

  /**
   * An affine op whose products run on {@code workers}; the results do not depend on the pool's
   * size.
   *
   * @param workers the threads to use, or null for the calling thread
   */
  public Affine(WorkerPool workers) {
    this.workers = workers;
  }

  @Override
  public String name() {
    return "affine";
  }

  /**
   * Reads x from {@code storage}, starting at element {@code offset}, rather than from the input
   * tensor, in forward and backward until called again with null: a pass can then train on
   * contiguous rows of a dataset where they lie, without copying them into its input buffer.
   * The input tensor still gives x's shape; the rows must not change while they are read.
   *
   * @param storage row-major rows of the input's width, or null to read the input tensor again
   * @param offset index of x's first element in {@code storage}
   */
  public void readInputFrom(double[] storage, int offset) {
    inputStorage = storage;
    inputOffset = storage == null ? 0 : offset;
  }

  @Override
  public Shape outputShape(Shape... in) {
    Shapes.requireCount(name(), in, 3);
    Shapes.requireMatrix(name(), "input", in[0]);
    Shapes.requireMatrix(name(), "weights", in[1]);
    int units = in[1].dim(0);
    if (in[0].dim(1) != in[1].dim(1)) {
      throw new ShapeMismatchException(
          "affine: input has shape " + in[0] + " but the weights " + in[1] + " expect [batch, "
              + in[1].dim(1) + "]",
          "[batch, " + in[1].dim(1) + "]", in[0].toString());
    }
    if (in[2].rank() != 1 || in[2].dim(0) != units) {
      throw new ShapeMismatchException(
          "affine: bias has shape " + in[2] + " but the weights " + in[1] + " need [" + units + "]",
          "[" + units + "]", in[2].toString());
    }
    return Shape.of(in[0].dim(0), units);
  }

  @Override
  public void forward(Tensor[] in, Tensor z) {
    Tensor x = in[0];
    Tensor w = in[1];
    Products.gemm(workers, false, true, z.rows(), z.cols(), x.cols(), xStorage(x), inputOffset,
        x.cols(), w.data(), 0, w.cols(), false, z.data(), z.cols());       // x W^T
    bias.run(workers, z.data(), z.rows(), z.cols(), in[2].data(), true, false); // + b
  }

  @Override
  public void backward(Tensor[] in, Tensor z, Tensor delta, Tensor[] gIn) {
    backward(in, z, delta, gIn, ADD_ALL);
  }

  @Override
  public void backward(Tensor[] in, Tensor z, Tensor delta, Tensor[] gIn, boolean[] overwrite) {
    Tensor x = in[0];
    Tensor w = in[1];
    int batch = z.rows();
    int units = z.cols();
    int fanIn = x.cols();
    if (gIn[0] != null) { // dX (+)= delta W          (BP2 before the activation's derivative)
      Products.gemm(workers, false, false, batch, fanIn, units, delta.data(), units, w.data(),
          fanIn, !overwrite[0], gIn[0].data(), fanIn);
    }
    if (gIn[1] != null) { // dW (+)= delta^T X        (BP4, summed over the batch)
      Products.gemm(workers, true, false, units, fanIn, batch, delta.data(), 0, units,
          xStorage(x), inputOffset, fanIn, !overwrite[1], gIn[1].data(), fanIn);
    }
    if (gIn[2] != null) { // db (+)= column sums of delta (BP3, summed over the batch)
      bias.run(workers, delta.data(), batch, units, gIn[2].data(), false, !overwrite[2]);
    }
  }

  /** The array x is read from: the input tensor's, unless {@link #readInputFrom} set another. */
  private double[] xStorage(Tensor x) {
    return inputStorage == null ? x.data() : inputStorage;
  }

  /**
   * The bias add (rows cut over the workers) or the bias gradient (columns cut), split when the
   * batch is large; every element gets the same operations in the same order as on one thread.
   * Reused across batches.
   */
  private static final class BiasRanges implements WorkerPool.RangeTask {
    private double[] matrix;
    private int rows;
    private int cols;
    private double[] vector;
    private boolean add;
    private boolean accumulate;

    void run(WorkerPool workers, double[] matrix, int rows, int cols, double[] vector,
        boolean add, boolean accumulate) {
      this.matrix = matrix;
      this.rows = rows;
      this.cols = cols;
      this.vector = vector;
      this.add = add;
      this.accumulate = accumulate;
      try {
        WorkerPool.parallelForIfLarge(workers, add ? rows : cols, rows * cols >= PARALLEL_SIZE,
            this);
      } finally {
        this.matrix = null;
        this.vector = null;
      }
    }

    @Override
    public void run(int from, int to) {
      if (add) {
        Elementwise.addRowInPlace(matrix, cols, vector, from, to);
      } else {
        Elementwise.sumRows(matrix, rows, cols, vector, from, to, accumulate);
      }
    }
  }
}
