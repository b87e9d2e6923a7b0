package io.github.backprop.kernels;

import java.util.Arrays;

/**
 * Gemm blocks in plain Java loops that C2 auto-vectorises: the blocks every JVM runs, and the
 * default on JDK 17 without flags.
 *
 * <p>Per block, a [kc, nc] slice of Y is packed into separate row arrays, MR rows of Z are kept
 * in separate accumulator arrays, and the kernels stream along the columns. Why separate arrays:
 * C2's superword pass (JDK 17) only proves two array accesses independent when both are indexed
 * by the same expression (array[j]); accesses array[off + j] with different loop-invariant
 * offsets count as possibly overlapping, and a loop that stores through one and loads through
 * another is then left scalar. Packing every operand into its own array indexed by j lets the
 * kernels compile to full-width FMAs. The price is that the accumulators go through memory on
 * every term, which {@link VectorApiBlocks} avoids.
 */
final class AutoVectorizedBlocks implements GemmBlocks {

  /** Rows of Z per row block: each packed panel element loaded feeds MR fmas. */
  private static final int MR = 3;

  /** Largest column block: one packed panel row and one accumulator row hold this many. */
  private static final int NC = 512;

  /**
   * Largest depth block: the packed panel is KC x NC doubles (512 KiB), a quarter of L2. With
   * 256 (1 MiB) the mean epoch of mnist-mlp was the same, but about one run in four came out
   * 15-45% slower throughout, as if the panel's pages happened to collide in L2's sets; in 16
   * runs at 128 none did.
   */
  private static final int KC = 128;

  /**
   * Extra elements per scratch row. A double[] of length L occupies 16 + 8L bytes; with L = 6
   * (mod 8) that is a multiple of 64, so rows allocated one after another share their alignment
   * within a cache line. The JIT aligns the vector loop on one array only; when all rows agree,
   * every access in the kernel is aligned, which is worth about 20% with 512-bit vectors.
   */
  private static final int ROW_PAD = 6;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  @Override
  public String name() {
    return "java-loops";
  }

  @Override
  public int rowUnit() {
    return MR;
  }

  /** Runs of eight columns: one 512-bit vector of doubles. */
  @Override
  public int columnUnit() {
    return 8;
  }

  /**
   * Kernels stream along the columns, eight doubles per vector and the remainder scalar;
   * packing copies a [k, cols] panel (a strided gather when Y is stored transposed);
   * accumulators go to and from Z once per depth block. Fitted on one AVX-512 machine.
   */
  @Override
  public double cost(int rows, int cols, int k, boolean yContiguous, boolean zStrided) {
    double perRowAndTerm = 0.35 * (cols >> 3) + 0.25 * (cols & 7) + 1.0;
    double compute = (double) rows * k * perRowAndTerm;
    double pack = (double) k * cols * (yContiguous ? 0.1 : 0.8);
    double copy = (double) rows * cols * ((k + KC - 1) / KC) * (zStrided ? 1.5 : 0.2);
    return compute + pack + copy;
  }

  /** Per-thread packing buffers, allocated once per thread on first use. */
  private static final class Scratch {
    final double[][] panel = new double[KC][];
    final double[][] acc = new double[MR][];

    Scratch() {
      // Allocated back to back so the padded rows share one alignment (see ROW_PAD).
      for (int r = 0; r < MR; r++) {
        acc[r] = new double[NC + ROW_PAD];
      }
      for (int p = 0; p < KC; p++) {
        panel[p] = new double[NC + ROW_PAD];
      }
    }
  }

  @Override
  public void compute(int i0, int i1, int j0, int j1, int k,
      double[] x, int xo, int xsi, int xsp, double[] y, int yo, int ysp, int ysj,
      boolean accumulate, double[] z, int zo, int zsi, int zsj) {
    Scratch s = SCRATCH.get();
    double[][] panel = s.panel;
    double[][] acc = s.acc;
    int width = j1 - j0;
    int ncMax = Math.min(NC, roundUp(GemmBlocks.evenBlock(width, NC), 8));
    int kcMax = GemmBlocks.evenBlock(k, KC);
    for (int jc = j0; jc < j1; jc += ncMax) {
      int nc = Math.min(ncMax, j1 - jc);
      for (int pc = 0; pc < k; pc += kcMax) {
        int kc = Math.min(kcMax, k - pc);
        boolean load = accumulate || pc > 0;
        packPanel(y, yo, ysp, ysj, pc, kc, jc, nc, panel);
        for (int i = i0; i < i1; i += MR) {
          int mr = Math.min(MR, i1 - i);
          int zi = zo + i * zsi + jc * zsj;
          loadBlock(z, zi, zsi, zsj, mr, nc, load, acc);
          int xi = xo + i * xsi + pc * xsp;
          if (mr == 3) {
            rowBlock3(nc, kc, x, xi, xsi, xsp, panel, acc[0], acc[1], acc[2]);
          } else if (mr == 2) {
            rowBlock2(nc, kc, x, xi, xsi, xsp, panel, acc[0], acc[1]);
          } else {
            rowBlock1(nc, kc, x, xi, xsp, panel, acc[0]);
          }
          storeBlock(acc, mr, nc, z, zi, zsi, zsj);
        }
      }
    }
  }

  private static int roundUp(int v, int multiple) {
    return (v + multiple - 1) / multiple * multiple;
  }

  /** panel[p][j] = Y[pc + p, jc + j] for p < kc, j < nc, with Y[0, 0] at y[yo]. */
  private static void packPanel(double[] y, int yo, int ysp, int ysj, int pc, int kc, int jc,
      int nc, double[][] panel) {
    if (ysj == 1) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(y, yo + (pc + p) * ysp + jc, panel[p], 0, nc);
      }
      return;
    }
    // Y is stored transposed, so consecutive p are adjacent (Gemm passes ysp == 1 whenever
    // ysj != 1): take eight columns j at a time, walking the eight rows of storage that hold them
    // in order of p and writing eight adjacent elements of each panel row. These are eight
    // sequential streams, which the hardware prefetches: 20% faster than a pass per eight p over
    // every column (one line from each of nc rows), and 30% when Y is not in cache, as for a
    // weight matrix in a training step.
    assert ysp == 1 : "a transposed Y must have adjacent rows, got ysp " + ysp;
    int j = 0;
    for (; j + 8 <= nc; j += 8) {
      int s0 = yo + pc + (jc + j) * ysj;
      int s1 = s0 + ysj;
      int s2 = s1 + ysj;
      int s3 = s2 + ysj;
      int s4 = s3 + ysj;
      int s5 = s4 + ysj;
      int s6 = s5 + ysj;
      int s7 = s6 + ysj;
      for (int p = 0; p < kc; p++) {
        double[] r = panel[p];
        r[j] = y[s0 + p];
        r[j + 1] = y[s1 + p];
        r[j + 2] = y[s2 + p];
        r[j + 3] = y[s3 + p];
        r[j + 4] = y[s4 + p];
        r[j + 5] = y[s5 + p];
        r[j + 6] = y[s6 + p];
        r[j + 7] = y[s7 + p];
      }
    }
    for (; j < nc; j++) {
      int src = yo + pc + (jc + j) * ysj;
      for (int p = 0; p < kc; p++) {
        panel[p][j] = y[src + p];
      }
    }
  }

  /** Copies rows i..i+mr of Z (columns jc..jc+nc) into acc, or zeroes acc if !load. */
  private static void loadBlock(double[] z, int start, int zsi, int zsj, int mr, int nc,
      boolean load, double[][] acc) {
    if (!load) {
      for (int r = 0; r < mr; r++) {
        Arrays.fill(acc[r], 0, nc, 0.0);
      }
    } else if (zsj == 1) {
      for (int r = 0; r < mr; r++) {
        System.arraycopy(z, start + r * zsi, acc[r], 0, nc);
      }
    } else {
      // Transposed plan: the mr rows are adjacent columns of C, one cache line per j.
      for (int j = 0; j < nc; j++) {
        int s = start + j * zsj;
        for (int r = 0; r < mr; r++) {
          acc[r][j] = z[s + r * zsi];
        }
      }
    }
  }

  private static void storeBlock(double[][] acc, int mr, int nc, double[] z, int start, int zsi,
      int zsj) {
    if (zsj == 1) {
      for (int r = 0; r < mr; r++) {
        System.arraycopy(acc[r], 0, z, start + r * zsi, nc);
      }
    } else {
      for (int j = 0; j < nc; j++) {
        int s = start + j * zsj;
        for (int r = 0; r < mr; r++) {
          z[s + r * zsi] = acc[r][j];
        }
      }
    }
  }

  // Row blocks: MR accumulator rows against all kc panel rows, as many terms of the sum per
  // kernel call as the kernel takes, then one at a time.

  private static void rowBlock3(int nc, int kc, double[] x, int xi, int xsi, int xsp,
      double[][] panel, double[] c0, double[] c1, double[] c2) {
    int x0 = xi;
    int x1 = xi + xsi;
    int x2 = xi + 2 * xsi;
    int p = 0;
    for (; p + 3 <= kc; p += 3) {
      int o = p * xsp;
      int q = o + xsp;
      int r = q + xsp;
      kernel33(nc, c0, c1, c2, panel[p], panel[p + 1], panel[p + 2],
          x[x0 + o], x[x0 + q], x[x0 + r], x[x1 + o], x[x1 + q], x[x1 + r],
          x[x2 + o], x[x2 + q], x[x2 + r]);
    }
    for (; p < kc; p++) {
      int o = p * xsp;
      kernel31(nc, c0, c1, c2, panel[p], x[x0 + o], x[x1 + o], x[x2 + o]);
    }
  }

  private static void rowBlock2(int nc, int kc, double[] x, int xi, int xsi, int xsp,
      double[][] panel, double[] c0, double[] c1) {
    int x0 = xi;
    int x1 = xi + xsi;
    int p = 0;
    for (; p + 2 <= kc; p += 2) {
      int o = p * xsp;
      int q = o + xsp;
      kernel22(nc, c0, c1, panel[p], panel[p + 1], x[x0 + o], x[x0 + q], x[x1 + o], x[x1 + q]);
    }
    if (p < kc) {
      int o = p * xsp;
      kernel21(nc, c0, c1, panel[p], x[x0 + o], x[x1 + o]);
    }
  }

  private static void rowBlock1(int nc, int kc, double[] x, int xi, int xsp, double[][] panel,
      double[] c0) {
    int p = 0;
    for (; p + 2 <= kc; p += 2) {
      int o = xi + p * xsp;
      kernel12(nc, c0, panel[p], panel[p + 1], x[o], x[o + xsp]);
    }
    if (p < kc) {
      kernel11(nc, c0, panel[p], x[xi + p * xsp]);
    }
  }

  // Micro-kernels: kernelRU updates R accumulator rows with U terms of the sum. The
  // accumulators go through memory, so the more terms a call takes, the fewer loads and stores
  // of them each fma costs; but with JDK 17 a loop body past C2's unrolling budget silently
  // stays scalar (about 3x slower). 3 x 3 is the largest shape found that still compiles to
  // full-width fmas (4 x 3, 2 x 4 and 5 x 2 stay scalar), and it runs the first layer's
  // products of mnist-mlp 3-5% faster than 4 x 2 on 512-bit vectors, 10-15% on 256-bit ones.
  // The nesting order of the fmas is the summation order and must stay increasing in p.

  private static void kernel33(int nc, double[] c0, double[] c1, double[] c2,
      double[] b0, double[] b1, double[] b2, double a00, double a01, double a02,
      double a10, double a11, double a12, double a20, double a21, double a22) {
    for (int j = 0; j < nc; j++) {
      double v0 = b0[j];
      double v1 = b1[j];
      double v2 = b2[j];
      c0[j] = Math.fma(a02, v2, Math.fma(a01, v1, Math.fma(a00, v0, c0[j])));
      c1[j] = Math.fma(a12, v2, Math.fma(a11, v1, Math.fma(a10, v0, c1[j])));
      c2[j] = Math.fma(a22, v2, Math.fma(a21, v1, Math.fma(a20, v0, c2[j])));
    }
  }

  private static void kernel31(int nc, double[] c0, double[] c1, double[] c2, double[] b0,
      double a00, double a10, double a20) {
    for (int j = 0; j < nc; j++) {
      double v0 = b0[j];
      c0[j] = Math.fma(a00, v0, c0[j]);
      c1[j] = Math.fma(a10, v0, c1[j]);
      c2[j] = Math.fma(a20, v0, c2[j]);
    }
  }

  private static void kernel22(int nc, double[] c0, double[] c1, double[] b0, double[] b1,
      double a00, double a01, double a10, double a11) {
    for (int j = 0; j < nc; j++) {
      double v0 = b0[j];
      double v1 = b1[j];
      c0[j] = Math.fma(a01, v1, Math.fma(a00, v0, c0[j]));
      c1[j] = Math.fma(a11, v1, Math.fma(a10, v0, c1[j]));
    }
  }

  private static void kernel21(int nc, double[] c0, double[] c1, double[] b0,
      double a00, double a10) {
    for (int j = 0; j < nc; j++) {
      double v0 = b0[j];
      c0[j] = Math.fma(a00, v0, c0[j]);
      c1[j] = Math.fma(a10, v0, c1[j]);
    }
  }

  private static void kernel12(int nc, double[] c0, double[] b0, double[] b1,
      double a00, double a01) {
    for (int j = 0; j < nc; j++) {
      c0[j] = Math.fma(a01, b1[j], Math.fma(a00, b0[j], c0[j]));
    }
  }

  private static void kernel11(int nc, double[] c0, double[] b0, double a00) {
    for (int j = 0; j < nc; j++) {
      c0[j] = Math.fma(a00, b0[j], c0[j]);
    }
  }
}
