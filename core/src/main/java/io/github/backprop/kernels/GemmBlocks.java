package io.github.backprop.kernels;

/**
 * Computes blocks of a product that {@link Gemm} has planned and cut into units of rows or
 * columns: the part of gemm that the machine's vector instructions decide.
 *
 * <p>All indices are in the planned orientation: {@code X[i, p] = x[xo + i*xsi + p*xsp]},
 * {@code Y[p, j] = y[yo + p*ysp + j*ysj]} and {@code Z[i, j] = z[zo + i*zsi + j*zsj]}, where the
 * base offsets xo, yo and zo place each matrix inside a larger array (BLAS style), and the
 * implementations read and write nothing outside those matrices. Every implementation computes
 * each element of Z as the same chain of fused multiply-adds in increasing p (see {@link Gemm}),
 * so they give bit-identical results and may be swapped freely.
 */
interface GemmBlocks {

  /**
   * The size of the fewest blocks of at most {@code limit} that cover {@code length} (at least
   * 1), made as even as possible so that no block is a thin remainder.
   */
  static int evenBlock(int length, int limit) {
    int blocks = (length + limit - 1) / limit;
    return (length + blocks - 1) / blocks;
  }

  /** A short name for reports, such as {@code "java-loops"}. */
  String name();

  /** Rows of Z per unit when a product is split by rows; a multiple of the register tile. */
  int rowUnit();

  /** Columns of Z per unit when a product is split by columns. */
  int columnUnit();

  /**
   * Rough time, in nanoseconds, of one [rows, cols] block with depth k. Only needs to rank the
   * two orientations of a product against each other and against the scalar path, and a
   * thread's share of the rows against its share of the columns.
   *
   * @param yContiguous whether Y has unit column stride (ysj == 1)
   * @param zStrided whether Z has non-unit column stride (the transposed orientation)
   */
  double cost(int rows, int cols, int k, boolean yContiguous, boolean zStrided);

  /**
   * {@code Z[i0:i1, j0:j1] (+)= X[i0:i1, :] Y[:, j0:j1]}, where the old Z is read only when
   * {@code accumulate}. Requires k > 0 and non-empty ranges.
   *
   * @param xo index in {@code x} of X[0, 0]
   * @param yo index in {@code y} of Y[0, 0]
   * @param zo index in {@code z} of Z[0, 0]
   */
  void compute(int i0, int i1, int j0, int j1, int k, double[] x, int xo, int xsi, int xsp,
      double[] y, int yo, int ysp, int ysj, boolean accumulate, double[] z, int zo, int zsi,
      int zsj);
}
