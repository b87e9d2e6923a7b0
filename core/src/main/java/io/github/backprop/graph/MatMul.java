package io.github.backprop.graph;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;

/** {@code C = op(A) op(B)}, where op transposes its operand when the flag says so. */
public final class MatMul implements Op {
  private final boolean transA;
  private final boolean transB;
  private final WorkerPool workers;

  /** A product that runs on the calling thread. */
  public MatMul(boolean transA, boolean transB) {
    this(transA, transB, null);
  }

  /**
   * A product that runs on {@code workers}; the results do not depend on the pool's size.
   *
   * @param workers the threads to use, or null for the calling thread
   */
  public MatMul(boolean transA, boolean transB, WorkerPool workers) {
    this.transA = transA;
    this.transB = transB;
    this.workers = workers;
  }

  @Override
  public String name() {
    return "matmul";
  }

  @Override
  public Shape outputShape(Shape... in) {
    Shapes.requireCount(name(), in, 2);
    Shapes.requireMatrix(name(), "A", in[0]);
    Shapes.requireMatrix(name(), "B", in[1]);
    int m = transA ? in[0].dim(1) : in[0].dim(0);
    int ka = transA ? in[0].dim(0) : in[0].dim(1);
    int kb = transB ? in[1].dim(1) : in[1].dim(0);
    int n = transB ? in[1].dim(0) : in[1].dim(1);
    if (ka != kb) {
      throw new ShapeMismatchException(
          "matmul: op(A) has shape [" + m + ", " + ka + "] and op(B) has shape [" + kb + ", " + n
              + "]; the inner dimensions must agree",
          "[" + ka + ", " + n + "]", "[" + kb + ", " + n + "]");
    }
    return Shape.of(m, n);
  }

  @Override
  public void forward(Tensor[] in, Tensor out) {
    Tensor a = in[0];
    Tensor b = in[1];
    int k = transA ? a.rows() : a.cols();
    Products.gemm(workers, transA, transB, out.rows(), out.cols(), k, a.data(), a.cols(),
        b.data(), b.cols(), false, out.data(), out.cols());
  }

  // C = A B:  dA = dC B^T,  dB = A^T dC   (with the transposes folded into the flags)
  @Override
  public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
    Tensor a = in[0];
    Tensor b = in[1];
    int m = out.rows();
    int n = out.cols();
    int k = transA ? a.rows() : a.cols();
    if (gIn[0] != null) {
      if (!transA) { // dA [m,k] += dC [m,n] op(B)^T
        Products.gemm(workers, false, !transB, m, k, n, gOut.data(), n, b.data(), b.cols(), true,
            gIn[0].data(), k);
      } else { // A stored [k,m]: dA += op(B) dC^T
        Products.gemm(workers, transB, true, k, m, n, b.data(), b.cols(), gOut.data(), n, true,
            gIn[0].data(), m);
      }
    }
    if (gIn[1] != null) {
      if (!transB) { // dB [k,n] += op(A)^T dC
        Products.gemm(workers, !transA, false, k, n, m, a.data(), a.cols(), gOut.data(), n, true,
            gIn[1].data(), n);
      } else { // B stored [n,k]: dB += dC^T op(A)
        Products.gemm(workers, true, transA, n, k, m, gOut.data(), n, a.data(), a.cols(), true,
            gIn[1].data(), k);
      }
    }
  }
}
