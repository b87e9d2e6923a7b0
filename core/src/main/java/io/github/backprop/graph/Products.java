package io.github.backprop.graph;

import io.github.backprop.kernels.Gemm;
import io.github.backprop.kernels.WorkerPool;

/** The ops' one entry to {@link Gemm}: on a pool when the op has one, else on the caller. */
final class Products {
  private Products() {}

  /** {@link Gemm#gemm} on {@code workers}, or on the calling thread when it is null. */
  static void gemm(WorkerPool workers, boolean transA, boolean transB, int m, int n, int k,
      double[] a, int lda, double[] b, int ldb, boolean accumulate, double[] c, int ldc) {
    gemm(workers, transA, transB, m, n, k, a, 0, lda, b, 0, ldb, accumulate, c, ldc);
  }

  /** As above, with A and B starting at element offsets of their arrays. */
  static void gemm(WorkerPool workers, boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, boolean accumulate,
      double[] c, int ldc) {
    if (workers == null) {
      Gemm.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate, c, 0,
          ldc);
    } else {
      Gemm.gemm(workers, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate,
          c, 0, ldc);
    }
  }
}
