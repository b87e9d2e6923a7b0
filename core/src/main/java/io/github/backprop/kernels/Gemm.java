package io.github.backprop.kernels;

/**
 * General matrix multiply on row-major {@code double[]} storage: {@code C = op(A) op(B)} or
 * {@code C += op(A) op(B)}, where {@code op(X)} is X or its transpose.
 *
 * <p>Pure static functions: no state, no allocation on the caller's side of the contract.
 */
public final class Gemm {
  private Gemm() {}

  /**
   * Computes {@code C (+)= op(A) op(B)} with {@code op(A)} of shape [m, k], {@code op(B)} of shape
   * [k, n] and C of shape [m, n].
   *
   * @param transA whether A is stored transposed (as [k, m])
   * @param transB whether B is stored transposed (as [n, k])
   * @param lda row stride of A as stored (k if not transposed, m if transposed, for dense A)
   * @param ldb row stride of B as stored
   * @param accumulate add into C when true; overwrite C when false
   * @param ldc row stride of C
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int lda, double[] b, int ldb, boolean accumulate, double[] c, int ldc) {
    for (int i = 0; i < m; i++) {
      int ci = i * ldc;
      if (!accumulate) {
        java.util.Arrays.fill(c, ci, ci + n, 0.0);
      }
      for (int p = 0; p < k; p++) {
        double aip = transA ? a[p * lda + i] : a[i * lda + p];
        if (transB) {
          for (int j = 0; j < n; j++) {
            c[ci + j] += aip * b[j * ldb + p];
          }
        } else {
          int bp = p * ldb;
          for (int j = 0; j < n; j++) {
            c[ci + j] += aip * b[bp + j];
          }
        }
      }
    }
  }
}
