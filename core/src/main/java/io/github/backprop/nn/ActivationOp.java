package io.github.backprop.nn;

import io.github.backprop.graph.Op;
import io.github.backprop.kernels.Elementwise;
import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;

/**
 * The graph op a = f(z) for an {@link Activation}: one call per batch forward and backward, or,
 * for an {@link ElementwiseActivation} on a large batch, one call per thread of the network's
 * workers, each on its own range of elements (the same values, bit for bit).
 */
final class ActivationOp implements Op {
  /** Below this many elements the op runs on the calling thread: a hand-off costs more. */
  private static final int PARALLEL_SIZE = 1 << 13;

  private final Activation activation;
  private final WorkerPool workers;
  private final Ranges ranges;
  private Tensor scratch;

  /**
   * @param workers the threads to split element-wise activations over, or null for the calling
   *     thread
   */
  ActivationOp(Activation activation, WorkerPool workers) {
    this.activation = activation;
    this.workers = workers;
    this.ranges = activation instanceof ElementwiseActivation e ? new Ranges(e) : null;
  }

  Activation activation() {
    return activation;
  }

  @Override
  public String name() {
    return activation.name();
  }

  @Override
  public Shape outputShape(Shape... inputs) {
    if (inputs.length != 1) {
      throw new IllegalArgumentException(name() + ": expected 1 input, got " + inputs.length);
    }
    return inputs[0];
  }

  @Override
  public void forward(Tensor[] in, Tensor a) {
    if (ranges != null) {
      ranges.run(workers, in[0], a, null, null);
    } else {
      activation.forward(in[0], a);
    }
  }

  @Override
  public void backward(Tensor[] in, Tensor a, Tensor upstream, Tensor[] gIn) {
    if (gIn[0] == null) {
      return;
    }
    if (scratch == null) {
      scratch = Tensor.zeros(a.shape());
    }
    // Activation.backward overwrites; the op contract adds (the input may feed other ops too).
    derivative(in[0], a, upstream, scratch);
    Elementwise.addInPlace(gIn[0].data(), scratch.data());
  }

  /** When this op writes z's gradient first, the activation writes it directly: no scratch. */
  @Override
  public void backward(Tensor[] in, Tensor a, Tensor upstream, Tensor[] gIn,
      boolean[] overwrite) {
    if (overwrite[0]) {
      derivative(in[0], a, upstream, gIn[0]);
    } else {
      backward(in, a, upstream, gIn);
    }
  }

  private void derivative(Tensor z, Tensor a, Tensor upstream, Tensor dz) {
    if (ranges != null) {
      ranges.run(workers, z, a, upstream, dz);
    } else {
      activation.backward(z, a, upstream, dz);
    }
  }

  /**
   * The element loop of an element-wise activation, forward (upstream null) or backward, split
   * over the workers when it is large. Reused across batches.
   */
  private static final class Ranges implements WorkerPool.RangeTask {
    private final ElementwiseActivation activation;
    private double[] z;
    private double[] a;
    private double[] upstream;
    private double[] dz;

    Ranges(ElementwiseActivation activation) {
      this.activation = activation;
    }

    /** Runs the loop; the tensors share a's shape, as the op guarantees. */
    void run(WorkerPool workers, Tensor z, Tensor a, Tensor upstream, Tensor dz) {
      this.z = z.data();
      this.a = a.data();
      this.upstream = upstream == null ? null : upstream.data();
      this.dz = dz == null ? null : dz.data();
      try {
        WorkerPool.parallelForIfLarge(workers, a.size(), a.size() >= PARALLEL_SIZE, this);
      } finally {
        this.z = null;
        this.a = null;
        this.upstream = null;
        this.dz = null;
      }
    }

    @Override
    public void run(int from, int to) {
      if (upstream == null) {
        activation.apply(z, a, from, to);
      } else {
        activation.derivative(z, a, upstream, dz, from, to);
      }
    }
  }
}
