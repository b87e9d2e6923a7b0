package io.github.backprop.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * General matrix multiply on row-major {@code double[]} storage: {@code C = op(A) op(B)} or
 * {@code C += op(A) op(B)}, where {@code op(X)} is X or its transpose.
 *
 * <p>Use it for every dense product the graph runs (forward and backward of matmul and affine
 * layers). The single-threaded overload runs on the caller's thread; the {@link WorkerPool}
 * overload spreads the columns (or rows) of C over the pool's threads. Each has a form with an
 * element offset per array, as BLAS has, that multiplies matrices stored inside larger arrays
 * (rows [from, to) of a dataset, say) without copying them.
 *
 * <pre>{@code
 * double[] a = {1, 2, 3, 4, 5, 6};     // A: [2, 3]
 * double[] b = {1, 0, 0, 1, 1, 1};     // B: [3, 2]
 * double[] c = new double[4];          // C: [2, 2]
 * Gemm.gemm(false, false, 2, 2, 3, a, 3, b, 2, false, c, 2);
 * // c = {4, 5, 10, 11}
 * }</pre>
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Every element is {@code c[i][j] = fma(op(A)[i][k-1], op(B)[k-1][j], ... fma(op(A)[i][0],
 *       op(B)[0][j], c0))}, with {@code c0} the old value of C when accumulating and {@code +0.0}
 *       otherwise: one fused multiply-add per term, in increasing {@code p}. Both overloads
 *       follow exactly this sequence, so results are bit-identical for every thread count and
 *       every blocking. They can differ in the last bits from a loop written as {@code c +=
 *       a * b}, which rounds twice per term.
 *   <li>NaN and infinities propagate as IEEE 754 says: zeros are never skipped, so {@code 0 *
 *       Inf} gives NaN.
 *   <li>With {@code accumulate == false} the old contents of C are never read (they may be NaN).
 *   <li>C must not overlap A or B. Elements of C outside the [m, n] window are left untouched.
 *   <li>Thread safety: any number of threads may call either overload at once, on disjoint
 *       outputs.
 *   <li>Steady state allocates nothing: packing buffers live in a per-thread cache that is
 *       reused (per thread that has run a large product, about 0.5 MiB with the plain loops and
 *       2.5 MiB with the Vector API blocks).
 *   <li>The vectorised plans run on the fastest blocks this JVM offers (see {@link
 *       #implementation()}): the Vector API ones when the JVM was started with {@code
 *       --add-modules jdk.incubator.vector}, else plain loops that C2 auto-vectorises.
 * </ul>
 *
 * <p>Reference: K. Goto and R. van de Geijn, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008 (the blocking scheme).
 */
public final class Gemm {
  private Gemm() {}

  // ---------------------------------------------------------------------------------------------
  // Tuning. None of these change results: every element is the same fma chain whatever the
  // blocking, so they may be retuned freely.

  /** Below this many multiply-adds, packing costs more than it saves. */
  private static final long SMALL_WORK = 1L << 11;

  /** Below this many multiply-adds, handing work to other threads costs more than it saves. */
  private static final long MIN_PARALLEL_WORK = 1L << 17;

  /**
   * Fewest columns of C per thread for which the vectorised plans split the columns rather
   * than the rows, when Y is stored transposed. Packing a transposed Y is a strided gather, and
   * in a training step Y is then a weight matrix the optimizer has just written: with the
   * columns split, each thread gathers only its own slice of it. When the rows of Y are
   * contiguous, copying them is cheap (the Vector API blocks do not copy them at all), so the
   * rows are split instead: each thread writes whole rows of C, and a weight gradient is then
   * written by the thread whose share of the flat array the optimizer and the finite check
   * give it ({@link WorkerPool} cuts both the same way). On mnist-mlp each rule makes 2
   * threads 10-15% faster than the other would.
   *
   * <p>With many rows the columns are not split even when Y is transposed: each thread's rows
   * then amortise gathering all of Y, while a column split shortens every kernel loop. The
   * blocks' cost model decides; with the plain loops on 2 threads, a 256 x 256 x 784 product
   * ran at 82-85 GFLOP/s split by rows against 63-64 split by columns, and a batch of 64 stays
   * split by columns.
   */
  private static final int COLUMN_SPLIT = 64;

  private static final int PLAN_SCALAR = 0;
  private static final int PLAN_VECTOR = 1;
  /** Vectorise along the columns of C (for C with few columns) via C^T = op(B)^T op(A)^T. */
  private static final int PLAN_VECTOR_TRANSPOSED = 2;

  /** The blocks of the vectorised plans: the fastest implementation this JVM can run. */
  private static final GemmBlocks BLOCKS = GemmBlocksProvider.forGemm();

  // ---------------------------------------------------------------------------------------------
  // Public API

  /**
   * Computes {@code C (+)= op(A) op(B)} on the calling thread.
   *
   * @param transA whether A is stored transposed (as [k, m])
   * @param transB whether B is stored transposed (as [n, k])
   * @param m rows of op(A) and of C
   * @param n columns of op(B) and of C
   * @param k columns of op(A), rows of op(B)
   * @param a A in row-major order, shape [m, k], or [k, m] when {@code transA}
   * @param lda row stride of A as stored (k if not transposed, m if transposed, for dense A)
   * @param b B in row-major order, shape [k, n], or [n, k] when {@code transB}
   * @param ldb row stride of B as stored
   * @param accumulate add into C when true; overwrite C when false
   * @param c C in row-major order, shape [m, n]; written in place
   * @param ldc row stride of C
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a size is negative, a row stride is shorter than its
   *     row, or an array is too short for the shape and stride given
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int lda, double[] b, int ldb, boolean accumulate, double[] c, int ldc) {
    gemm(BLOCKS, null, transA, transB, m, n, k, a, 0, lda, b, 0, ldb, accumulate, c, 0, ldc);
  }

  /**
   * Computes {@code C (+)= op(A) op(B)} on the calling thread, on matrices stored from an offset
   * into their arrays, as netlib BLAS {@code dgemm} does: element (r, c) of A as stored is
   * {@code a[aOffset + r * lda + c]}, and likewise for B and C. This multiplies a block of a
   * larger array, such as rows [from, to) of a dataset matrix, without copying it. Results are
   * bit-identical to {@link #gemm(boolean, boolean, int, int, int, double[], int, double[], int,
   * boolean, double[], int)} on compact copies; elements outside the three windows are neither
   * read nor written.
   *
   * @param transA whether A is stored transposed (as [k, m])
   * @param transB whether B is stored transposed (as [n, k])
   * @param m rows of op(A) and of C
   * @param n columns of op(B) and of C
   * @param k columns of op(A), rows of op(B)
   * @param a holds A in row-major order, shape [m, k], or [k, m] when {@code transA}
   * @param aOffset index in {@code a} of A's first stored element
   * @param lda row stride of A as stored
   * @param b holds B in row-major order, shape [k, n], or [n, k] when {@code transB}
   * @param bOffset index in {@code b} of B's first stored element
   * @param ldb row stride of B as stored
   * @param accumulate add into C when true; overwrite C when false
   * @param c holds C in row-major order, shape [m, n]; written in place
   * @param cOffset index in {@code c} of C's first element
   * @param ldc row stride of C
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if a size or an offset is negative, a row stride is
   *     shorter than its row, or an array is too short for the offset, shape and stride given
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, boolean accumulate,
      double[] c, int cOffset, int ldc) {
    gemm(BLOCKS, null, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate,
        c, cOffset, ldc);
  }

  /**
   * Computes {@code C (+)= op(A) op(B)} using the threads of {@code pool}, with results
   * bit-identical to {@link #gemm(boolean, boolean, int, int, int, double[], int, double[], int,
   * boolean, double[], int)} for any pool size.
   *
   * <p>The columns of C (or its rows, when C has few columns) are cut into one contiguous block
   * per thread; each element is computed by exactly one thread. Small products run on the
   * calling thread alone.
   *
   * @param pool threads to use; the calling thread works too
   * @param transA whether A is stored transposed (as [k, m])
   * @param transB whether B is stored transposed (as [n, k])
   * @param m rows of op(A) and of C
   * @param n columns of op(B) and of C
   * @param k columns of op(A), rows of op(B)
   * @param a A in row-major order, shape [m, k], or [k, m] when {@code transA}
   * @param lda row stride of A as stored
   * @param b B in row-major order, shape [k, n], or [n, k] when {@code transB}
   * @param ldb row stride of B as stored
   * @param accumulate add into C when true; overwrite C when false
   * @param c C in row-major order, shape [m, n]; written in place
   * @param ldc row stride of C
   * @throws NullPointerException if {@code pool} or an array is null
   * @throws IllegalArgumentException as for the single-threaded overload
   * @throws IllegalStateException if {@code pool} is closed
   */
  public static void gemm(WorkerPool pool, boolean transA, boolean transB, int m, int n, int k,
      double[] a, int lda, double[] b, int ldb, boolean accumulate, double[] c, int ldc) {
    Objects.requireNonNull(pool, "pool");
    gemm(BLOCKS, pool, transA, transB, m, n, k, a, 0, lda, b, 0, ldb, accumulate, c, 0, ldc);
  }

  /**
   * Computes {@code C (+)= op(A) op(B)} using the threads of {@code pool}, on matrices stored
   * from an offset into their arrays as in {@link #gemm(boolean, boolean, int, int, int,
   * double[], int, int, double[], int, int, boolean, double[], int, int)}, with results
   * bit-identical to it for any pool size.
   *
   * @param pool threads to use; the calling thread works too
   * @param transA whether A is stored transposed (as [k, m])
   * @param transB whether B is stored transposed (as [n, k])
   * @param m rows of op(A) and of C
   * @param n columns of op(B) and of C
   * @param k columns of op(A), rows of op(B)
   * @param a holds A in row-major order, shape [m, k], or [k, m] when {@code transA}
   * @param aOffset index in {@code a} of A's first stored element
   * @param lda row stride of A as stored
   * @param b holds B in row-major order, shape [k, n], or [n, k] when {@code transB}
   * @param bOffset index in {@code b} of B's first stored element
   * @param ldb row stride of B as stored
   * @param accumulate add into C when true; overwrite C when false
   * @param c holds C in row-major order, shape [m, n]; written in place
   * @param cOffset index in {@code c} of C's first element
   * @param ldc row stride of C
   * @throws NullPointerException if {@code pool} or an array is null
   * @throws IllegalArgumentException as for the single-threaded overload with offsets
   * @throws IllegalStateException if {@code pool} is closed
   */
  public static void gemm(WorkerPool pool, boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, boolean accumulate,
      double[] c, int cOffset, int ldc) {
    Objects.requireNonNull(pool, "pool");
    gemm(BLOCKS, pool, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate,
        c, cOffset, ldc);
  }

  /**
   * The name of the block implementation this JVM runs: {@code "vector-api-512"} (or -256) when
   * started with {@code --add-modules jdk.incubator.vector} on a machine with wide vectors,
   * else {@code "java-loops"}. Results are bit-identical either way; only the speed differs.
   */
  public static String implementation() {
    return BLOCKS.name();
  }

  /**
   * Whether the blocks run on the Vector API, for the other kernels that have a Vector API
   * form. Asks without touching the Vector API classes, which fail to link without the module.
   */
  static boolean runsOnVectorApi() {
    return !(BLOCKS instanceof AutoVectorizedBlocks);
  }

  /** All public overloads, with the blocks to use; {@code pool} null runs on the caller. */
  static void gemm(GemmBlocks blocks, WorkerPool pool, boolean transA, boolean transB, int m,
      int n, int k, double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
      boolean accumulate, double[] c, int cOffset, int ldc) {
    checkArguments(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (pool != null) {
      pool.checkOpen();
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      zeroUnlessAccumulating(m, n, accumulate, c, cOffset, ldc);
      return;
    }
    int threads = pool == null || (long) m * n * k < MIN_PARALLEL_WORK ? 1 : pool.threads();
    Job job = Job.acquire();
    try {
      job.set(blocks, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, accumulate, c,
          cOffset, ldc, threads);
      if (threads == 1) {
        job.run(0, job.units);
      } else {
        pool.parallelFor(job.units, job);
      }
    } finally {
      job.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Planning. Every choice here depends on the sizes only.

  /**
   * Picks the path with the lowest estimated time. The estimates are rough nanosecond counts
   * fitted on one AVX-512 machine; they only need to rank the three plans, not predict time.
   */
  private static int plan(GemmBlocks blocks, boolean transA, boolean transB, int m, int n,
      int k) {
    if ((long) m * n * k < SMALL_WORK) {
      return PLAN_SCALAR;
    }
    double normal = blocks.cost(m, n, k, !transB, false);
    double transposed = blocks.cost(n, m, k, transA, true);
    double scalar = scalarCost(m, n, k, transA);
    if (normal <= transposed && normal <= scalar) {
      return PLAN_VECTOR;
    }
    return transposed <= scalar ? PLAN_VECTOR_TRANSPOSED : PLAN_SCALAR;
  }

  /** Scalar path: 2 x 4 register tiles, then latency-bound dot products for the edges. */
  private static double scalarCost(int m, int n, int k, boolean stridedA) {
    long tiled = (long) (m & ~1) * (n & ~3);
    long edges = (long) m * n - tiled;
    return (double) k * (tiled * (stridedA ? 0.45 : 0.22) + edges * 1.3);
  }

  /**
   * One gemm call, planned, and cut into units of rows or columns of its (possibly transposed)
   * output. Both overloads run through it: the single-threaded one runs every unit itself.
   */
  private static final class Job implements WorkerPool.RangeTask {
    private static final ThreadLocal<Job> CACHE = ThreadLocal.withInitial(Job::new);

    boolean busy;
    GemmBlocks blocks;
    int plan;
    boolean splitRows;
    int units;
    int unitSize;
    int rows;
    int cols;
    int k;
    double[] x;
    int xo;
    int xsi;
    int xsp;
    double[] y;
    int yo;
    int ysp;
    int ysj;
    boolean accumulate;
    double[] z;
    int zo;
    int zsi;
    int zsj;

    void set(GemmBlocks blocks, boolean transA, boolean transB, int m, int n, int k, double[] a,
        int aOffset, int lda, double[] b, int bOffset, int ldb, boolean accumulate, double[] c,
        int cOffset, int ldc, int threads) {
      this.blocks = blocks;
      this.k = k;
      this.accumulate = accumulate;
      int asi = transA ? 1 : lda;
      int asp = transA ? lda : 1;
      int bsp = transB ? 1 : ldb;
      int bsj = transB ? ldb : 1;
      plan = plan(blocks, transA, transB, m, n, k);
      if (plan == PLAN_VECTOR_TRANSPOSED) {
        rows = n;
        cols = m;
        x = b;
        xo = bOffset;
        xsi = bsj;
        xsp = bsp;
        y = a;
        yo = aOffset;
        ysp = asp;
        ysj = asi;
        zsi = 1;
        zsj = ldc;
      } else {
        rows = m;
        cols = n;
        x = a;
        xo = aOffset;
        xsi = asi;
        xsp = asp;
        y = b;
        yo = bOffset;
        ysp = bsp;
        ysj = bsj;
        zsi = ldc;
        zsj = 1;
      }
      z = c;
      zo = cOffset;
      // The vectorised plans split the columns, in runs of the blocks' column unit, when Y is
      // stored transposed, every thread gets at least COLUMN_SPLIT columns and the blocks rate
      // a thread's share of the columns no dearer than its share of the rows; else they split
      // the rows when every thread gets at least two row blocks. See COLUMN_SPLIT for why.
      int rowBlock = plan == PLAN_SCALAR ? 2 : blocks.rowUnit();
      int rowUnits = (rows + rowBlock - 1) / rowBlock;
      boolean columnsPay = plan != PLAN_SCALAR && ysj != 1 && cols >= COLUMN_SPLIT * threads
          && blocks.cost(rows, (cols + threads - 1) / threads, k, false, zsj != 1)
              <= blocks.cost((rows + threads - 1) / threads, cols, k, false, zsj != 1);
      if (!columnsPay && (rowUnits >= 2 * threads || cols < 16 * threads)) {
        splitRows = true;
        unitSize = rowBlock;
        units = rowUnits;
      } else {
        splitRows = false;
        unitSize = plan == PLAN_SCALAR ? 8 : blocks.columnUnit();
        units = (cols + unitSize - 1) / unitSize;
      }
    }

    /** The calling thread's cached job, or a new one if that is in use further up the stack. */
    static Job acquire() {
      Job job = CACHE.get();
      if (job.busy) {
        // A task of an outer parallel gemm, running on this thread, called gemm again.
        job = new Job();
      }
      job.busy = true;
      return job;
    }

    /** Drops the references to the caller's arrays, so the cache keeps nothing alive. */
    void release() {
      blocks = null;
      x = null;
      y = null;
      z = null;
      busy = false;
    }

    @Override
    public void run(int from, int to) {
      int i0 = 0;
      int i1 = rows;
      int j0 = 0;
      int j1 = cols;
      if (splitRows) {
        i0 = from * unitSize;
        i1 = Math.min(rows, to * unitSize);
      } else {
        j0 = from * unitSize;
        j1 = Math.min(cols, to * unitSize);
      }
      if (i0 >= i1 || j0 >= j1) {
        return;
      }
      // k > 0 here: empty products never reach the pool.
      if (plan == PLAN_SCALAR) {
        computeScalar(i0, i1, j0, j1, k, x, xo, xsi, xsp, y, yo, ysp, ysj, accumulate, z, zo,
            zsi);
      } else {
        blocks.compute(i0, i1, j0, j1, k, x, xo, xsi, xsp, y, yo, ysp, ysj, accumulate, z, zo,
            zsi, zsj);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scalar path for small or thin products: 2 x 4 accumulators in registers, operands read in
  // place. Z has unit column stride here; xo, yo and zo are the base offsets of GemmBlocks.

  private static void computeScalar(int i0, int i1, int j0, int j1, int k,
      double[] x, int xo, int xsi, int xsp, double[] y, int yo, int ysp, int ysj,
      boolean accumulate, double[] z, int zo, int ldz) {
    int i = i0;
    for (; i + 2 <= i1; i += 2) {
      int xa = xo + i * xsi;
      int xb = xa + xsi;
      int za = zo + i * ldz;
      int zb = za + ldz;
      int j = j0;
      for (; j + 4 <= j1; j += 4) {
        double c00 = 0.0;
        double c01 = 0.0;
        double c02 = 0.0;
        double c03 = 0.0;
        double c10 = 0.0;
        double c11 = 0.0;
        double c12 = 0.0;
        double c13 = 0.0;
        if (accumulate) {
          c00 = z[za + j];
          c01 = z[za + j + 1];
          c02 = z[za + j + 2];
          c03 = z[za + j + 3];
          c10 = z[zb + j];
          c11 = z[zb + j + 1];
          c12 = z[zb + j + 2];
          c13 = z[zb + j + 3];
        }
        int yj = yo + j * ysj;
        for (int p = 0; p < k; p++) {
          double a0 = x[xa + p * xsp];
          double a1 = x[xb + p * xsp];
          int yp = p * ysp + yj;
          double b0 = y[yp];
          double b1 = y[yp + ysj];
          double b2 = y[yp + 2 * ysj];
          double b3 = y[yp + 3 * ysj];
          c00 = Math.fma(a0, b0, c00);
          c01 = Math.fma(a0, b1, c01);
          c02 = Math.fma(a0, b2, c02);
          c03 = Math.fma(a0, b3, c03);
          c10 = Math.fma(a1, b0, c10);
          c11 = Math.fma(a1, b1, c11);
          c12 = Math.fma(a1, b2, c12);
          c13 = Math.fma(a1, b3, c13);
        }
        z[za + j] = c00;
        z[za + j + 1] = c01;
        z[za + j + 2] = c02;
        z[za + j + 3] = c03;
        z[zb + j] = c10;
        z[zb + j + 1] = c11;
        z[zb + j + 2] = c12;
        z[zb + j + 3] = c13;
      }
      for (; j < j1; j++) {
        int yj = yo + j * ysj;
        z[za + j] = dot(k, x, xa, xsp, y, yj, ysp, accumulate ? z[za + j] : 0.0);
        z[zb + j] = dot(k, x, xb, xsp, y, yj, ysp, accumulate ? z[zb + j] : 0.0);
      }
    }
    for (; i < i1; i++) {
      int xa = xo + i * xsi;
      int za = zo + i * ldz;
      for (int j = j0; j < j1; j++) {
        z[za + j] = dot(k, x, xa, xsp, y, yo + j * ysj, ysp, accumulate ? z[za + j] : 0.0);
      }
    }
  }

  private static double dot(int k, double[] x, int xa, int xsp, double[] y, int yb, int ysp,
      double init) {
    double s = init;
    for (int p = 0; p < k; p++) {
      s = Math.fma(x[xa + p * xsp], y[yb + p * ysp], s);
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Argument checks, done once before any loop.

  private static void zeroUnlessAccumulating(int m, int n, boolean accumulate, double[] c,
      int cOffset, int ldc) {
    if (!accumulate) {
      for (int i = 0; i < m; i++) {
        int row = cOffset + i * ldc;
        Arrays.fill(c, row, row + n, 0.0);
      }
    }
  }

  private static void checkArguments(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb, double[] c,
      int cOffset, int ldc) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "Gemm.gemm: sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
    }
    checkMatrix("a", transA ? k : m, transA ? m : k, a, aOffset, lda, transA ? "transA" : null);
    checkMatrix("b", transB ? n : k, transB ? k : n, b, bOffset, ldb, transB ? "transB" : null);
    checkMatrix("c", m, n, c, cOffset, ldc, null);
  }

  /**
   * Checks that {@code data} holds a [rows, cols] matrix from {@code offset} with row stride
   * {@code ld}, so that every index the loops compute is inside the array (and fits an int).
   */
  private static void checkMatrix(String name, int rows, int cols, double[] data, int offset,
      int ld, String transFlag) {
    if (offset < 0) {
      throw new IllegalArgumentException(
          "Gemm.gemm: " + name + "Offset must be non-negative, got " + offset);
    }
    if (rows == 0 || cols == 0) {
      return;
    }
    if (ld < cols) {
      throw new IllegalArgumentException("Gemm.gemm: ld" + name + " must be at least " + cols
          + " for " + name + " stored as " + stored(rows, cols, transFlag) + ", got " + ld);
    }
    long needed = offset + (long) (rows - 1) * ld + cols;
    if (data.length < needed) {
      throw new IllegalArgumentException("Gemm.gemm: " + name + " stored as "
          + stored(rows, cols, transFlag) + (offset == 0 ? "" : " from offset " + offset)
          + " with ld" + name + "=" + ld + " needs at least " + needed + " elements, got "
          + data.length);
    }
  }

  private static String stored(int rows, int cols, String transFlag) {
    return "[" + rows + ", " + cols + "]" + (transFlag == null ? "" : " (" + transFlag
        + " is set)");
  }
}
