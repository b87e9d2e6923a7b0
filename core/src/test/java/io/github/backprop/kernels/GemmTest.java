package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

  private static final int[] SIZES = {1, 2, 3, 7, 8, 9, 17, 64, 65, 130};
  private static final double REL_TOL = 1e-12;

  private static WorkerPool pool2;
  private static WorkerPool pool3;

  /**
   * Every blocks implementation this JVM can run: the plain loops always, the Vector API ones
   * when the tests run with its module (core's pom runs them both with and without).
   */
  private static List<GemmBlocks> allBlocks() {
    List<GemmBlocks> all = new ArrayList<>();
    all.add(new AutoVectorizedBlocks());
    GemmBlocks vector = GemmBlocksProvider.vectorApi();
    if (vector != null) {
      all.add(vector);
    }
    return all;
  }

  @BeforeAll
  static void startPools() {
    pool2 = WorkerPool.create(2);
    pool3 = WorkerPool.create(3);
  }

  @AfterAll
  static void stopPools() {
    pool2.close();
    pool3.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A matrix as stored: rows x cols with row stride ld, padding filled with a sentinel. */
  private static double[] storage(Random rnd, int rows, int cols, int ld, double padding) {
    double[] d = new double[rows * ld];
    Arrays.fill(d, padding);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        d[i * ld + j] = 2 * rnd.nextDouble() - 1;
      }
    }
    return d;
  }

  private static double opAt(double[] x, int ld, boolean trans, int i, int p) {
    return trans ? x[p * ld + i] : x[i * ld + p];
  }

  /**
   * The oracle: a plain triple loop with separate multiply and add. Returns the expected C and,
   * per element, the magnitude {@code |c0| + sum |a b|} the rounding error is relative to.
   */
  private static double[][] oracle(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int lda, double[] b, int ldb, boolean accumulate, double[] c, int ldc) {
    double[] want = c.clone();
    double[] scale = new double[c.length];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = accumulate ? c[i * ldc + j] : 0.0;
        double mag = Math.abs(s);
        for (int p = 0; p < k; p++) {
          double prod = opAt(a, lda, transA, i, p) * opAt(b, ldb, transB, p, j);
          s += prod;
          mag += Math.abs(prod);
        }
        want[i * ldc + j] = s;
        scale[i * ldc + j] = mag;
      }
    }
    return new double[][] {want, scale};
  }

  private static void assertClose(double[][] expected, double[] actual, String where) {
    double[] want = expected[0];
    double[] scale = expected[1];
    assertEquals(want.length, actual.length, where);
    for (int e = 0; e < want.length; e++) {
      double tol = REL_TOL * Math.max(1e-300, scale[e]);
      if (Double.isNaN(want[e]) ? !Double.isNaN(actual[e])
          : !(Math.abs(want[e] - actual[e]) <= tol || want[e] == actual[e])) {
        fail(where + ": element " + e + " expected " + want[e] + " but was " + actual[e]);
      }
    }
  }

  private static final class Case {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final boolean accumulate;
    final int lda;
    final int ldb;
    final int ldc;
    final double[] a;
    final double[] b;
    final double[] c;

    Case(long seed, boolean transA, boolean transB, int m, int n, int k, boolean accumulate,
        boolean padded) {
      Random rnd = new Random(seed);
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.accumulate = accumulate;
      int aCols = transA ? m : k;
      int bCols = transB ? k : n;
      lda = aCols + (padded ? 1 + rnd.nextInt(5) : 0);
      ldb = bCols + (padded ? 1 + rnd.nextInt(5) : 0);
      ldc = n + (padded ? 1 + rnd.nextInt(5) : 0);
      a = storage(rnd, transA ? k : m, aCols, lda, 1e300);
      b = storage(rnd, transB ? n : k, bCols, ldb, -1e300);
      // C's padding is NaN: any write or read outside the [m, n] window shows up.
      c = storage(rnd, m, n, ldc, Double.NaN);
      if (!accumulate) {
        // Never read when overwriting: poison the window too.
        for (int i = 0; i < m; i++) {
          Arrays.fill(c, i * ldc, i * ldc + n, Double.NaN);
        }
      }
    }

    double[] runSingle() {
      double[] out = c.clone();
      Gemm.gemm(transA, transB, m, n, k, a, lda, b, ldb, accumulate, out, ldc);
      return out;
    }

    double[] runOn(WorkerPool pool) {
      double[] out = c.clone();
      Gemm.gemm(pool, transA, transB, m, n, k, a, lda, b, ldb, accumulate, out, ldc);
      return out;
    }

    /** Runs with the given blocks, on {@code pool} or (if null) the calling thread. */
    double[] runWith(GemmBlocks blocks, WorkerPool pool) {
      double[] out = c.clone();
      Gemm.gemm(blocks, pool, transA, transB, m, n, k, a, 0, lda, b, 0, ldb, accumulate, out, 0,
          ldc);
      return out;
    }

    /** The contract's exact value: per element one fma per term, in increasing p. */
    double[] fmaChain() {
      double[] want = c.clone();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = accumulate ? c[i * ldc + j] : 0.0;
          for (int p = 0; p < k; p++) {
            s = Math.fma(opAt(a, lda, transA, i, p), opAt(b, ldb, transB, p, j), s);
          }
          want[i * ldc + j] = s;
        }
      }
      return want;
    }

    double[][] expected() {
      return oracle(transA, transB, m, n, k, a, lda, b, ldb, accumulate, c, ldc);
    }

    @Override
    public String toString() {
      return "gemm(transA=" + transA + ", transB=" + transB + ", m=" + m + ", n=" + n + ", k=" + k
          + ", accumulate=" + accumulate + ", lda=" + lda + ", ldb=" + ldb + ", ldc=" + ldc + ")";
    }
  }

  static Stream<Arguments> randomShapes() {
    Random rnd = new Random(20240601L);
    List<Arguments> cases = new ArrayList<>();
    for (int t = 0; t < 40; t++) {
      int m = SIZES[rnd.nextInt(SIZES.length)];
      int n = SIZES[rnd.nextInt(SIZES.length)];
      int k = SIZES[rnd.nextInt(SIZES.length)];
      cases.add(Arguments.of(m, n, k, rnd.nextBoolean(), rnd.nextLong()));
    }
    // Corners: all-ones, all-largest, thin both ways, and the blocking boundaries of both
    // blocks implementations (depth 256; width 504 and 512; rows 4, 8 and 128; columns 24).
    cases.add(Arguments.of(1, 1, 1, false, 1L));
    cases.add(Arguments.of(130, 130, 130, true, 2L));
    cases.add(Arguments.of(130, 1, 130, false, 3L));
    cases.add(Arguments.of(1, 130, 130, true, 4L));
    cases.add(Arguments.of(9, 9, 600, false, 5L));
    cases.add(Arguments.of(5, 1100, 9, true, 6L));
    cases.add(Arguments.of(67, 131, 97, false, 7L));
    cases.add(Arguments.of(7, 3, 2000, true, 8L));
    cases.add(Arguments.of(129, 25, 257, true, 9L));
    cases.add(Arguments.of(9, 505, 3, false, 10L));
    cases.add(Arguments.of(17, 1013, 40, true, 11L));
    cases.add(Arguments.of(24, 48, 513, false, 12L));
    return cases.stream();
  }

  // ---------------------------------------------------------------------------------------------
  // Correctness against the oracle

  @ParameterizedTest(name = "[{index}] m={0} n={1} k={2} padded={3}")
  @MethodSource("randomShapes")
  void gemm_allTransposesAndModes_matchesTripleLoop(int m, int n, int k, boolean padded,
      long seed) {
    for (boolean transA : new boolean[] {false, true}) {
      for (boolean transB : new boolean[] {false, true}) {
        for (boolean accumulate : new boolean[] {false, true}) {
          Case cs = new Case(seed, transA, transB, m, n, k, accumulate, padded);
          assertClose(cs.expected(), cs.runSingle(), cs.toString());
          double[] exact = cs.fmaChain();
          for (GemmBlocks blocks : allBlocks()) {
            assertArrayEquals(exact, cs.runWith(blocks, null),
                cs + " with " + blocks.name() + " is not the fma chain of the contract");
          }
        }
      }
    }
  }

  @Test
  void implementation_followsTheVectorModule() {
    // Core's pom runs the kernel tests twice and says which run this is.
    String run = System.getProperty("backprop.test.vectorModule");
    Assumptions.assumeTrue(run != null, "not started by core's pom");
    boolean readable = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertEquals(Boolean.parseBoolean(run), readable, "jdk.incubator.vector readable");
    if (!readable) {
      assertEquals("java-loops", Gemm.implementation());
      assertEquals(null, GemmBlocksProvider.vectorApi());
    } else if (VectorApiBlocks.usable()) {
      assertTrue(Gemm.implementation().startsWith("vector-api-"), Gemm.implementation());
    }
  }

  @Test
  void gemm_denseProduct_matchesCommonsMath() {
    Random rnd = new Random(11);
    int m = 65;
    int n = 33;
    int k = 130;
    double[][] a2 = new double[m][k];
    double[][] b2 = new double[k][n];
    double[] a = new double[m * k];
    double[] b = new double[k * n];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        a2[i][p] = a[i * k + p] = rnd.nextGaussian();
      }
    }
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        b2[p][j] = b[p * n + j] = rnd.nextGaussian();
      }
    }
    RealMatrix want = new Array2DRowRealMatrix(a2, false).multiply(
        new Array2DRowRealMatrix(b2, false));
    double[] c = new double[m * n];
    Gemm.gemm(false, false, m, n, k, a, k, b, n, false, c, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double scale = 0;
        for (int p = 0; p < k; p++) {
          scale += Math.abs(a2[i][p] * b2[p][j]);
        }
        assertEquals(want.getEntry(i, j), c[i * n + j], REL_TOL * scale, "C[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void gemm_smallExample_givesHandComputedProduct() {
    double[] a = {1, 2, 3, 4, 5, 6}; // [2, 3]
    double[] b = {1, 0, 0, 1, 1, 1}; // [3, 2]
    double[] c = new double[4];
    Gemm.gemm(false, false, 2, 2, 3, a, 3, b, 2, false, c, 2);
    assertArrayEquals(new double[] {4, 5, 10, 11}, c);
  }

  // ---------------------------------------------------------------------------------------------
  // IEEE special values

  @Test
  void gemm_nanInA_propagatesToItsRowOnly() {
    for (int size : new int[] {3, 40, 130}) {
      for (boolean transA : new boolean[] {false, true}) {
        int m = size;
        int n = size + 1;
        int k = size + 2;
        Case cs = new Case(size, transA, false, m, n, k, false, false);
        int row = m / 2;
        int col = k / 3;
        cs.a[transA ? col * cs.lda + row : row * cs.lda + col] = Double.NaN;
        double[] out = cs.runSingle();
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double v = out[i * cs.ldc + j];
            assertEquals(i == row, Double.isNaN(v), "C[" + i + "][" + j + "] = " + v + " for "
                + cs);
          }
        }
      }
    }
  }

  @Test
  void gemm_nanLeftInPackingBuffers_neverReachesALaterNarrowerProduct() {
    for (GemmBlocks blocks : allBlocks()) {
      // Fill this thread's packing buffers with NaN, as wide, deep and tall as a block.
      Case poison = new Case(1, false, true, 140, 600, 600, false, false);
      Arrays.fill(poison.a, Double.NaN);
      Arrays.fill(poison.b, Double.NaN);
      poison.runWith(blocks, null);
      // Products whose partial panels (columns, and rows: m = 13) stop short of that NaN.
      for (int n : new int[] {1, 5, 8, 10, 16, 17, 23, 30}) {
        Case cs = new Case(n, false, true, 13, n, 300, false, false);
        assertArrayEquals(cs.fmaChain(), cs.runWith(blocks, null), blocks.name() + " " + cs);
      }
    }
  }

  @Test
  void gemm_infinityTimesZero_givesNanNotSkipped() {
    for (int size : new int[] {2, 50}) {
      int m = size;
      int n = size;
      int k = size;
      double[] a = new double[m * k];
      double[] b = new double[k * n];
      a[0] = Double.POSITIVE_INFINITY; // A[0][0]; B is all zeros
      double[] c = new double[m * n];
      Gemm.gemm(false, false, m, n, k, a, k, b, n, false, c, n);
      for (int j = 0; j < n; j++) {
        assertTrue(Double.isNaN(c[j]), "C[0][" + j + "] should be NaN (Inf * 0), was " + c[j]);
      }
      assertEquals(0.0, c[n], "row 1 is untouched by A[0][0]");
    }
  }

  @Test
  void gemm_overwrite_ignoresNanAlreadyInC() {
    for (int size : new int[] {3, 17, 130}) {
      for (boolean transB : new boolean[] {false, true}) {
        Case cs = new Case(size, false, transB, size, size, size, false, false);
        // Case poisons the whole window of C with NaN when accumulate is false.
        double[] out = cs.runSingle();
        assertClose(cs.expected(), out, cs.toString());
        for (int i = 0; i < size; i++) {
          for (int j = 0; j < size; j++) {
            assertTrue(Double.isFinite(out[i * cs.ldc + j]), cs.toString());
          }
        }
      }
    }
  }

  @Test
  void gemm_emptyDepth_zeroesOrKeepsC() {
    double[] c = {Double.NaN, 7, 8, 9};
    Gemm.gemm(false, false, 2, 2, 0, new double[0], 0, new double[0], 2, false, c, 2);
    assertArrayEquals(new double[] {0, 0, 0, 0}, c);
    double[] d = {1, 2, 3, 4};
    Gemm.gemm(true, true, 2, 2, 0, new double[0], 2, new double[0], 0, true, d, 2);
    assertArrayEquals(new double[] {1, 2, 3, 4}, d);
  }

  @Test
  void gemm_emptyOutput_touchesNothing() {
    double[] c = {Double.NaN};
    Gemm.gemm(false, false, 0, 5, 3, new double[0], 3, new double[15], 5, false, c, 5);
    Gemm.gemm(pool2, false, false, 5, 0, 3, new double[15], 3, new double[0], 0, false, c, 0);
    assertTrue(Double.isNaN(c[0]));
  }

  // ---------------------------------------------------------------------------------------------
  // Determinism across thread counts

  static Stream<Arguments> parallelShapes() {
    return Stream.of(
        Arguments.of(67, 131, 97), // the odd sizes of the contract
        Arguments.of(3, 301, 200), // few rows: split by columns
        Arguments.of(300, 5, 200), // few columns: vectorised along the columns of C
        Arguments.of(6, 4, 6000), // thin both ways: scalar path
        Arguments.of(130, 600, 300), // several depth and width blocks
        Arguments.of(64, 136, 300), // B transposed: Vector API splits columns on 2, rows on 3
        Arguments.of(300, 160, 100), // many rows, B transposed: rows split all the same
        Arguments.of(9, 1300, 300)); // each thread's columns span two width blocks
  }

  @ParameterizedTest(name = "m={0} n={1} k={2}")
  @MethodSource("parallelShapes")
  void gemm_anyThreadCount_bitIdenticalToSingleThreaded(int m, int n, int k) {
    try (WorkerPool pool1 = WorkerPool.create(1)) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (boolean accumulate : new boolean[] {false, true}) {
            Case cs = new Case(m * 31L + n, transA, transB, m, n, k, accumulate, true);
            double[] single = cs.runSingle();
            assertClose(cs.expected(), single, cs.toString());
            for (WorkerPool pool : new WorkerPool[] {pool1, pool2, pool3}) {
              double[] parallel = cs.runOn(pool);
              assertArrayEquals(single, parallel,
                  cs + " on " + pool.threads() + " threads differs from single-threaded");
              for (GemmBlocks blocks : allBlocks()) {
                assertArrayEquals(single, cs.runWith(blocks, pool), cs + " with "
                    + blocks.name() + " on " + pool.threads() + " threads differs");
              }
            }
          }
        }
      }
    }
  }

  @Test
  void gemm_repeatedCalls_giveIdenticalResults() {
    Case cs = new Case(99, false, true, 67, 131, 97, true, false);
    double[] first = cs.runOn(pool2);
    for (int r = 0; r < 50; r++) {
      assertArrayEquals(first, cs.runOn(pool2), "run " + r);
      assertArrayEquals(first, cs.runSingle(), "single run " + r);
    }
  }

  @Test
  void gemm_closedPool_throwsIllegalState() {
    WorkerPool pool = WorkerPool.create(2);
    pool.close();
    double[] c = new double[4];
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Gemm.gemm(pool, false, false, 2, 2, 2, new double[4], 2, new double[4], 2, false,
            c, 2));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // Offsets into larger arrays

  /** What surrounds C's window in the offset tests: every call must leave it as it is. */
  private static final double C_SENTINEL = -12345.5;

  /**
   * A matrix of {@code rows} x {@code cols} with row stride {@code ld} (as stored in a Case),
   * copied to {@code offset} in a larger array whose other elements, the padding between rows
   * included, are all {@code fill}.
   */
  private static double[] embed(double[] data, int rows, int cols, int ld, int offset,
      int tail, double fill) {
    double[] big = new double[offset + rows * ld + tail];
    Arrays.fill(big, fill);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * ld, big, offset + i * ld, cols);
    }
    return big;
  }

  /**
   * A Case with A, B and C moved to offsets inside larger arrays: NaN all around A and B, so
   * that any element read outside their windows poisons the result, and {@link #C_SENTINEL}
   * around C.
   */
  private static final class Embedded {
    final Case cs;
    final int aOffset;
    final int bOffset;
    final int cOffset;
    final double[] a;
    final double[] b;
    final double[] c;

    Embedded(Case cs, int aOffset, int bOffset, int cOffset) {
      this.cs = cs;
      this.aOffset = aOffset;
      this.bOffset = bOffset;
      this.cOffset = cOffset;
      a = embed(cs.a, cs.transA ? cs.k : cs.m, cs.transA ? cs.m : cs.k, cs.lda, aOffset, 9,
          Double.NaN);
      b = embed(cs.b, cs.transB ? cs.n : cs.k, cs.transB ? cs.k : cs.n, cs.ldb, bOffset, 9,
          Double.NaN);
      c = embed(cs.c, cs.m, cs.n, cs.ldc, cOffset, 9, C_SENTINEL);
    }

    /** Runs the public overload with offsets, on {@code pool} or (if null) the caller. */
    double[] runPublic(WorkerPool pool) {
      double[] out = c.clone();
      if (pool == null) {
        Gemm.gemm(cs.transA, cs.transB, cs.m, cs.n, cs.k, a, aOffset, cs.lda, b, bOffset,
            cs.ldb, cs.accumulate, out, cOffset, cs.ldc);
      } else {
        Gemm.gemm(pool, cs.transA, cs.transB, cs.m, cs.n, cs.k, a, aOffset, cs.lda, b,
            bOffset, cs.ldb, cs.accumulate, out, cOffset, cs.ldc);
      }
      return out;
    }

    /** Runs with the given blocks, on {@code pool} or (if null) the calling thread. */
    double[] runWith(GemmBlocks blocks, WorkerPool pool) {
      double[] out = c.clone();
      Gemm.gemm(blocks, pool, cs.transA, cs.transB, cs.m, cs.n, cs.k, a, aOffset, cs.lda, b,
          bOffset, cs.ldb, cs.accumulate, out, cOffset, cs.ldc);
      return out;
    }

    /**
     * Asserts that {@code out} holds, bit for bit, the window of {@code compact} (C of the
     * offset-0 call on the compact Case) at cOffset, and is unchanged everywhere else.
     */
    void assertWindow(double[] compact, double[] out, String where) {
      assertEquals(c.length, out.length, where);
      for (int e = 0; e < out.length; e++) {
        int rel = e - cOffset;
        int i = Math.floorDiv(rel, cs.ldc);
        int j = Math.floorMod(rel, cs.ldc);
        boolean inside = rel >= 0 && i < cs.m && j < cs.n;
        double want = inside ? compact[i * cs.ldc + j] : c[e];
        if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(out[e])) {
          fail(where + ": " + (inside ? "C[" + i + "][" + j + "]" : "element " + e
              + " outside C's window") + " expected " + want + " but was " + out[e]);
        }
      }
    }

    @Override
    public String toString() {
      return cs + " at offsets a=" + aOffset + ", b=" + bOffset + ", c=" + cOffset;
    }
  }

  static Stream<Arguments> offsetShapes() {
    return Stream.of(
        Arguments.of(3, 5, 4, false), // small: scalar path, too little work to pack
        Arguments.of(6, 4, 6000, true), // thin both ways: scalar path
        Arguments.of(5, 7, 0, true), // empty depth: C's window zeroed or kept
        Arguments.of(130, 600, 300, false), // vector plan, several depth and width blocks
        Arguments.of(300, 5, 200, true), // few columns: vectorised along the columns of C
        Arguments.of(3, 301, 200, false), // few rows: split by columns
        Arguments.of(300, 160, 100, true), // many rows: split by rows
        Arguments.of(64, 136, 300, false), // Vector API splits columns on 2 threads, rows on 3
        Arguments.of(64, 256, 784, false), // a first layer's forward product (NT), batch 64
        Arguments.of(256, 784, 64, true)); // and its weight gradient (TN)
  }

  @ParameterizedTest(name = "m={0} n={1} k={2} padded={3}")
  @MethodSource("offsetShapes")
  void gemm_withOffsets_bitIdenticalToCompactCopiesAndTouchesOnlyTheWindow(int m, int n, int k,
      boolean padded) {
    try (WorkerPool pool1 = WorkerPool.create(1)) {
      int combination = 0;
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (boolean accumulate : new boolean[] {false, true}) {
            Case cs = new Case(m * 31L + n + k, transA, transB, m, n, k, accumulate, padded);
            // Offsets of every residue modulo a vector, so that no alignment is assumed.
            int t = combination++;
            Embedded em = new Embedded(cs, 3 + 5 * t, 17 + 3 * t, 1 + 7 * t);
            double[] compact = cs.runSingle();
            em.assertWindow(compact, em.runPublic(null), em + " on the caller");
            for (WorkerPool pool : new WorkerPool[] {pool1, pool2, pool3}) {
              em.assertWindow(compact, em.runPublic(pool), em + " on " + pool.threads()
                  + " threads");
              for (GemmBlocks blocks : allBlocks()) {
                em.assertWindow(compact, em.runWith(blocks, null), em + " with "
                    + blocks.name() + " on the caller");
                em.assertWindow(compact, em.runWith(blocks, pool), em + " with "
                    + blocks.name() + " on " + pool.threads() + " threads");
              }
            }
          }
        }
      }
    }
  }

  @Test
  void gemm_rowsOfALargerMatrix_multiplyInPlace() {
    // Rows [from, to) of a dataset X: [rows, features] times W^T, as a layer's forward pass
    // over one batch, against the same rows copied out.
    Random rnd = new Random(5);
    int rows = 50;
    int features = 20;
    int units = 12;
    int from = 17;
    int to = 41;
    double[] x = storage(rnd, rows, features, features, 0.0);
    double[] w = storage(rnd, units, features, features, 0.0);
    double[] batch = Arrays.copyOfRange(x, from * features, to * features);
    double[] want = new double[(to - from) * units];
    Gemm.gemm(false, true, to - from, units, features, batch, features, w, features, false,
        want, units);
    double[] got = new double[(to - from) * units];
    Gemm.gemm(pool2, false, true, to - from, units, features, x, from * features, features, w,
        0, features, false, got, 0, units);
    assertArrayEquals(want, got);
  }

  // ---------------------------------------------------------------------------------------------
  // Steady state

  @Test
  void gemm_steadyState_allocatesNothingOnTheCaller() {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
        "needs HotSpot's per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled());
    long self = Thread.currentThread().getId();
    List<Case> cases = List.of(
        new Case(1, false, false, 130, 130, 130, false, false), // vector plan
        new Case(2, true, true, 300, 5, 200, true, true), // transposed plan
        new Case(3, false, true, 6, 4, 6000, false, false), // scalar plan
        new Case(4, true, false, 3, 301, 200, true, false), // column split
        new Case(5, false, true, 64, 136, 300, false, false)); // batch of 64: columns split
    for (Case cs : cases) {
      double[] out = cs.c.clone();
      // The Vector API allocates until C2 has compiled its callers (interpreted and C1 code box
      // every vector), so warm up until a round allocates nothing, and give up after many.
      long allocated = -1;
      for (int round = 0; round < 400 && allocated != 0; round++) {
        long before = threads.getThreadAllocatedBytes(self);
        for (int r = 0; r < 10; r++) {
          Gemm.gemm(cs.transA, cs.transB, cs.m, cs.n, cs.k, cs.a, cs.lda, cs.b, cs.ldb,
              cs.accumulate, out, cs.ldc);
          Gemm.gemm(pool2, cs.transA, cs.transB, cs.m, cs.n, cs.k, cs.a, cs.lda, cs.b, cs.ldb,
              cs.accumulate, out, cs.ldc);
        }
        allocated = threads.getThreadAllocatedBytes(self) - before;
      }
      assertEquals(0, allocated, "bytes allocated by 20 warm calls of " + cs + " with "
          + Gemm.implementation());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Argument checks

  @Test
  void gemm_negativeSize_namesAllSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 2, -1, 2, new double[4], 2, new double[4], 2, false,
            new double[4], 2));
    assertEquals("Gemm.gemm: sizes must be non-negative, got m=2, n=-1, k=2", e.getMessage());
  }

  @Test
  void gemm_strideShorterThanRow_namesStrideAndShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(true, false, 3, 2, 4, new double[12], 2, new double[8], 2, false,
            new double[6], 2));
    assertEquals("Gemm.gemm: lda must be at least 3 for a stored as [4, 3] (transA is set),"
        + " got 2", e.getMessage());
  }

  @Test
  void gemm_arrayTooShort_namesNeededLength() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 3, 2, 4, new double[12], 4, new double[8], 2, false,
            new double[6], 3));
    assertEquals("Gemm.gemm: c stored as [3, 2] with ldc=3 needs at least 8 elements, got 6",
        e.getMessage());
  }

  @Test
  void gemm_negativeOffset_namesTheOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 2, 2, 2, new double[4], -3, 2, new double[4], 0, 2, false,
            new double[4], 0, 2));
    assertEquals("Gemm.gemm: aOffset must be non-negative, got -3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(pool2, false, true, 2, 2, 2, new double[4], 0, 2, new double[4], -1, 2,
            true, new double[4], 0, 2));
    assertEquals("Gemm.gemm: bOffset must be non-negative, got -1", e.getMessage());
    // Rejected even when C is empty and nothing would be read or written.
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 0, 2, 2, new double[0], 0, 2, new double[4], 0, 2, false,
            new double[0], -7, 2));
    assertEquals("Gemm.gemm: cOffset must be non-negative, got -7", e.getMessage());
  }

  @Test
  void gemm_arrayTooShortForItsOffset_namesOffsetAndNeededLength() {
    // A [4, 3] from offset 10 ends at a[10 + 3 * 3 + 2] = a[21]: 22 elements.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 4, 2, 3, new double[20], 10, 3, new double[6], 0, 2,
            false, new double[8], 0, 2));
    assertEquals("Gemm.gemm: a stored as [4, 3] from offset 10 with lda=3 needs at least 22"
        + " elements, got 20", e.getMessage());
    Gemm.gemm(false, false, 4, 2, 3, new double[22], 10, 3, new double[6], 0, 2, false,
        new double[8], 0, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(pool2, false, true, 4, 2, 3, new double[12], 0, 3, new double[8], 3, 4,
            false, new double[8], 0, 2));
    assertEquals("Gemm.gemm: b stored as [2, 3] (transB is set) from offset 3 with ldb=4 needs"
        + " at least 10 elements, got 8", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.gemm(false, false, 4, 2, 3, new double[12], 0, 3, new double[6], 0, 2, true,
            new double[10], 3, 2));
    assertEquals("Gemm.gemm: c stored as [4, 2] from offset 3 with ldc=2 needs at least 11"
        + " elements, got 10", e.getMessage());
  }

  @Test
  void gemm_nullPool_throwsNullPointer() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Gemm.gemm(null, false, false, 1, 1, 1, new double[1], 1, new double[1], 1, false,
            new double[1], 1));
    assertEquals("pool", e.getMessage());
    e = assertThrows(NullPointerException.class,
        () -> Gemm.gemm(null, false, false, 1, 1, 1, new double[2], 1, 1, new double[1], 0, 1,
            false, new double[1], 0, 1));
    assertEquals("pool", e.getMessage());
  }
}
