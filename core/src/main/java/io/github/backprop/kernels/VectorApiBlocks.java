package io.github.backprop.kernels;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gemm blocks on the Vector API ({@code jdk.incubator.vector}): a tile of 8 rows by 3 vectors
 * of Z (6 by 2 with 256-bit vectors) stays in registers for a whole depth block, as in
 * optimised BLAS, instead of going through memory on every term as the auto-vectorised loops
 * must.
 *
 * <p>Loaded by {@link GemmBlocksProvider} only when the JVM was started with {@code
 * --add-modules jdk.incubator.vector}; nothing else refers to this class.
 *
 * <p>Per depth block, X is packed into MR-row panels (p-major, so the kernel broadcasts one
 * element after another) and Y is read in place when its rows are contiguous, else packed into
 * NR-column panels. Tiles at the edges of Z, and tiles of a Z with strided columns, go through a
 * small buffer; with 8-row tiles, a partial panel runs on a one- or two-vector kernel.
 */
final class VectorApiBlocks implements GemmBlocks {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /**
   * Rows of the register tile. With 32 vector registers (AVX-512) an 8 x 3 tile of
   * accumulators leaves room for the three Y vectors and the broadcast X; with 16 registers
   * (AVX2) a 6 x 2 tile does (4 x 3 spills: slower than the plain loops).
   */
  private static final int MR = LANES >= 8 ? 8 : 6;

  /** Columns of the register tile: three vectors (two with 16 registers). */
  private static final int NR = (LANES >= 8 ? 3 : 2) * LANES;

  /**
   * Depth block when Y is packed. Long blocks keep each tile in registers for longer and read a
   * transposed Y in longer runs, which the hardware prefetches well (the first layer of
   * mnist-mlp on 2 threads: 10% faster than with 256).
   */
  private static final int KC = 512;

  /**
   * Depth block when Y is read in place. Shorter, because rows of Y a power of two apart (a
   * 512 x 512 matrix: 4 KiB) fall into the same cache sets; at 512 deep they evict each other
   * and the product runs at half speed.
   */
  private static final int KC_IN_PLACE = 256;

  /** Row block: a packed X block of MC x KC doubles (512 KiB) stays in L2. */
  private static final int MC = 128;

  /** Column block: the packed Y block is at most KC x NC doubles (2 MiB). */
  private static final int NC = 512 / NR * NR;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread packing buffers, allocated once per thread on first use. */
  private static final class Scratch {
    final double[] xPanels = new double[MC * KC];
    final double[] yPanels = new double[KC * NC];
    final double[] tile = new double[MR * NR];
  }

  /**
   * Has the JIT compile the micro-kernels before a real block reaches them (see {@link
   * JitWarmUp}): one-step calls, alternately loading and overwriting the tile, so that C2 sees
   * both and none deoptimizes on the first real block. Once compiled, a call costs one round of
   * one-step calls.
   *
   * <p>Deeper calls would show C2 a truer depth loop: with 8 steps, mnist-mlp ran 1-2% faster on
   * one thread (the same on two), for about 100 MB more garbage.
   *
   * <p>Call it only after this class is initialised: in its static initialiser the species is
   * not yet a constant to C2, and the kernels it compiles box every vector.
   */
  static void warmUp() {
    double[] xp = new double[MR];
    double[] y = new double[NR];
    double[] c = new double[MR * NR];
    JitWarmUp.untilCompiled(() -> {
      for (int i = 0; i < JitWarmUp.CALLS_PER_ROUND; i++) {
        boolean load = (i & 1) == 0;
        if (MR == 8) {
          kernel8x3(1, xp, 0, y, 0, NR, c, 0, NR, load);
          kernel8x2(1, xp, 0, y, 0, NR, c, 0, NR, load);
          kernel8x1(1, xp, 0, y, 0, NR, c, 0, NR, load);
        } else {
          kernel6x2(1, xp, 0, y, 0, NR, c, 0, NR, load);
        }
      }
    }, JitWarmUp.MAX_NANOS);
  }

  /** Whether the preferred vector shape is wide enough to beat the auto-vectorised loops. */
  static boolean usable() {
    return LANES >= 4;
  }

  @Override
  public String name() {
    return "vector-api-" + SPECIES.vectorBitSize();
  }

  @Override
  public int rowUnit() {
    return MR;
  }

  /**
   * One vector, not a whole panel: a thread's share may then end in a partial panel, which the
   * narrow kernels compute at its own width, so two threads on 256 columns do equal work.
   */
  @Override
  public int columnUnit() {
    return LANES;
  }

  @Override
  public double cost(int rows, int cols, int k, boolean yContiguous, boolean zStrided) {
    int tiledRows = (rows + MR - 1) / MR * MR;
    int tiledCols = (cols + NR - 1) / NR * NR;
    double compute = (double) tiledRows * tiledCols * k * (0.16 / LANES);
    double packX = (double) rows * k * 0.3 * ((cols + NC - 1) / NC);
    double packY = yContiguous ? (double) k * (cols % NR) * 0.5 : (double) k * cols * 0.5;
    int kcLimit = depthBlock(yContiguous);
    int kBlocks = (k + kcLimit - 1) / kcLimit;
    double tiles = (double) rows * cols * kBlocks * (zStrided ? 1.0 : 0.1);
    return compute + packX + packY + tiles + 200;
  }

  @Override
  public void compute(int i0, int i1, int j0, int j1, int k, double[] x, int xo, int xsi,
      int xsp, double[] y, int yo, int ysp, int ysj, boolean accumulate, double[] z, int zo,
      int zsi, int zsj) {
    Scratch s = SCRATCH.get();
    boolean yInPlace = ysj == 1;
    int kcMax = GemmBlocks.evenBlock(k, depthBlock(yInPlace));
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += kcMax) {
        int kc = Math.min(kcMax, k - pc);
        boolean load = accumulate || pc > 0;
        packY(y, yo, ysp, ysj, pc, kc, jc, nc, yInPlace, s.yPanels);
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          packX(x, xo, xsi, xsp, ic, mc, pc, kc, s.xPanels);
          for (int q = 0; q * NR < nc; q++) {
            int jq = jc + q * NR;
            int w = Math.min(NR, jc + nc - jq);
            double[] yb = s.yPanels;
            int yi = q * kc * NR;
            int ys = NR;
            if (yInPlace && w == NR) {
              yb = y;
              yi = yo + pc * ysp + jq;
              ys = ysp;
            }
            for (int r = 0; r * MR < mc; r++) {
              int i = ic + r * MR;
              int h = Math.min(MR, ic + mc - i);
              int xi = r * kc * MR;
              int zi = zo + i * zsi + jq * zsj;
              if (h == MR && w == NR && zsj == 1) {
                kernel(kc, s.xPanels, xi, yb, yi, ys, z, zi, zsi, load);
              } else {
                double[] tile = s.tile;
                if (load) {
                  loadTile(z, zi, zsi, zsj, h, w, tile);
                }
                narrowKernel(w, kc, s.xPanels, xi, yb, yi, ys, tile, 0, NR, load);
                storeTile(tile, h, w, z, zi, zsi, zsj);
              }
            }
          }
        }
      }
    }
  }

  /** The largest depth block, by whether Y is read in place (see KC and KC_IN_PLACE). */
  private static int depthBlock(boolean yInPlace) {
    return yInPlace ? KC_IN_PLACE : KC;
  }

  /**
   * Packs Y[pc:pc+kc, jc:jc+nc] into NR-column panels, panel q holding Y[pc + p, jc + q*NR + j]
   * at q*kc*NR + p*NR + j; a partial panel is zero-padded as far as its kernel reads (see
   * {@link #readWidth}). When Y is read in place only the last, partial panel is packed. Y[0, 0]
   * is at y[yo].
   */
  private static void packY(double[] y, int yo, int ysp, int ysj, int pc, int kc, int jc,
      int nc, boolean inPlace, double[] panels) {
    int full = nc / NR;
    int first = inPlace ? full : 0;
    int panelCount = (nc + NR - 1) / NR;
    for (int q = first; q < panelCount; q++) {
      int base = q * kc * NR;
      int jq = jc + q * NR;
      int w = Math.min(NR, jc + nc - jq);
      // A partial panel's kernel reads whole vectors: zero the columns it reads past w (their
      // results are dropped; zeros keep them cheap and repeatable).
      int read = readWidth(w);
      if (read > w) {
        for (int p = 0; p < kc; p++) {
          Arrays.fill(panels, base + p * NR + w, base + p * NR + read, 0.0);
        }
      }
      if (ysp == 1) {
        // Y stored transposed: each column of Y is contiguous. Read eight columns side by side
        // and write runs of eight, a whole cache line: one pass over both sides.
        int j = 0;
        for (; j + 8 <= w; j += 8) {
          int s0 = yo + pc + (jq + j) * ysj;
          int s1 = s0 + ysj;
          int s2 = s1 + ysj;
          int s3 = s2 + ysj;
          int s4 = s3 + ysj;
          int s5 = s4 + ysj;
          int s6 = s5 + ysj;
          int s7 = s6 + ysj;
          int dst = base + j;
          for (int p = 0; p < kc; p++, dst += NR) {
            panels[dst] = y[s0 + p];
            panels[dst + 1] = y[s1 + p];
            panels[dst + 2] = y[s2 + p];
            panels[dst + 3] = y[s3 + p];
            panels[dst + 4] = y[s4 + p];
            panels[dst + 5] = y[s5 + p];
            panels[dst + 6] = y[s6 + p];
            panels[dst + 7] = y[s7 + p];
          }
        }
        for (; j < w; j++) {
          int src = yo + pc + (jq + j) * ysj;
          for (int p = 0; p < kc; p++) {
            panels[base + p * NR + j] = y[src + p];
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int src = yo + (pc + p) * ysp + jq * ysj;
          int dst = base + p * NR;
          for (int j = 0; j < w; j++) {
            panels[dst + j] = y[src + j * ysj];
          }
        }
      }
    }
  }

  /**
   * Packs X[ic:ic+mc, pc:pc+kc] into MR-row panels, panel r holding X[ic + r*MR + i, pc + p] at
   * r*kc*MR + p*MR + i, zero-padded to full height. X[0, 0] is at x[xo].
   */
  private static void packX(double[] x, int xo, int xsi, int xsp, int ic, int mc, int pc,
      int kc, double[] panels) {
    for (int r = 0; r * MR < mc; r++) {
      int base = r * kc * MR;
      int ir = ic + r * MR;
      int h = Math.min(MR, ic + mc - ir);
      if (h < MR) {
        Arrays.fill(panels, base, base + kc * MR, 0.0);
      }
      if (xsp == 1 && h == MR) {
        // Rows of X are contiguous: read MR of them side by side, write whole panel rows.
        int s0 = xo + ir * xsi + pc;
        if (MR == 8) {
          int dst = base;
          for (int p = 0; p < kc; p++, dst += 8) {
            panels[dst] = x[s0 + p];
            panels[dst + 1] = x[s0 + xsi + p];
            panels[dst + 2] = x[s0 + 2 * xsi + p];
            panels[dst + 3] = x[s0 + 3 * xsi + p];
            panels[dst + 4] = x[s0 + 4 * xsi + p];
            panels[dst + 5] = x[s0 + 5 * xsi + p];
            panels[dst + 6] = x[s0 + 6 * xsi + p];
            panels[dst + 7] = x[s0 + 7 * xsi + p];
          }
        } else {
          int dst = base;
          for (int p = 0; p < kc; p++, dst += 6) {
            panels[dst] = x[s0 + p];
            panels[dst + 1] = x[s0 + xsi + p];
            panels[dst + 2] = x[s0 + 2 * xsi + p];
            panels[dst + 3] = x[s0 + 3 * xsi + p];
            panels[dst + 4] = x[s0 + 4 * xsi + p];
            panels[dst + 5] = x[s0 + 5 * xsi + p];
          }
        }
      } else if (xsp == 1) {
        for (int i = 0; i < h; i++) {
          int src = xo + (ir + i) * xsi + pc;
          for (int p = 0; p < kc; p++) {
            panels[base + p * MR + i] = x[src + p];
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int src = xo + ir * xsi + (pc + p) * xsp;
          int dst = base + p * MR;
          for (int i = 0; i < h; i++) {
            panels[dst + i] = x[src + i * xsi];
          }
        }
      }
    }
  }

  private static void loadTile(double[] z, int zo, int zsi, int zsj, int h, int w,
      double[] tile) {
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        tile[i * NR + j] = z[zo + i * zsi + j * zsj];
      }
    }
  }

  private static void storeTile(double[] tile, int h, int w, double[] z, int zo, int zsi,
      int zsj) {
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        z[zo + i * zsi + j * zsj] = tile[i * NR + j];
      }
    }
  }

  private static void kernel(int kc, double[] xp, int xo, double[] y, int yo, int ys,
      double[] c, int co, int csi, boolean load) {
    if (MR == 8) {
      kernel8x3(kc, xp, xo, y, yo, ys, c, co, csi, load);
    } else {
      kernel6x2(kc, xp, xo, y, yo, ys, c, co, csi, load);
    }
  }

  /**
   * Columns of Y read by the kernel for a panel w wide: one or two vectors with 8-row tiles when
   * that covers w, else a whole panel. {@link #narrowKernel} picks the kernel by it.
   */
  private static int readWidth(int w) {
    if (MR == 8 && w <= LANES) {
      return LANES;
    }
    if (MR == 8 && w <= 2 * LANES) {
      return 2 * LANES;
    }
    return NR;
  }

  /**
   * The kernel for a partial panel of w columns: with 8-row tiles, one or two vectors wide when
   * that covers w, so a thin edge (the 10 outputs of a classifier, or the 8-column remainder of
   * a thread's share) costs what it holds, not a full three-vector panel.
   */
  private static void narrowKernel(int w, int kc, double[] xp, int xo, double[] y, int yo,
      int ys, double[] c, int co, int csi, boolean load) {
    int read = readWidth(w);
    if (read == LANES) {
      kernel8x1(kc, xp, xo, y, yo, ys, c, co, csi, load);
    } else if (read == 2 * LANES && read < NR) { // with 6-row tiles two vectors are a panel
      kernel8x2(kc, xp, xo, y, yo, ys, c, co, csi, load);
    } else {
      kernel(kc, xp, xo, y, yo, ys, c, co, csi, load);
    }
  }

  // Micro-kernels: C[0:MR, 0:NR] (+)= Xpanel[0:MR, 0:kc] Y[0:kc, 0:NR], one fma per term in
  // increasing p, with the accumulators in registers. Written out by hand, with no helper
  // methods: C2 keeps vectors in registers only when they are plain locals, and a kernel this
  // large reaches C2's inlining node limit, after which a vector passed to a call that was not
  // inlined is boxed on the heap (measured: 20x slower).

  private static void kernel8x3(int kc, double[] xp, int xo, double[] y, int yo, int ys,
      double[] c, int co, int csi, boolean load) {
    DoubleVector c00;
    DoubleVector c01;
    DoubleVector c02;
    DoubleVector c10;
    DoubleVector c11;
    DoubleVector c12;
    DoubleVector c20;
    DoubleVector c21;
    DoubleVector c22;
    DoubleVector c30;
    DoubleVector c31;
    DoubleVector c32;
    DoubleVector c40;
    DoubleVector c41;
    DoubleVector c42;
    DoubleVector c50;
    DoubleVector c51;
    DoubleVector c52;
    DoubleVector c60;
    DoubleVector c61;
    DoubleVector c62;
    DoubleVector c70;
    DoubleVector c71;
    DoubleVector c72;
    if (load) {
      c00 = DoubleVector.fromArray(SPECIES, c, co);
      c01 = DoubleVector.fromArray(SPECIES, c, co + LANES);
      c02 = DoubleVector.fromArray(SPECIES, c, co + 2 * LANES);
      c10 = DoubleVector.fromArray(SPECIES, c, co + csi);
      c11 = DoubleVector.fromArray(SPECIES, c, co + csi + LANES);
      c12 = DoubleVector.fromArray(SPECIES, c, co + csi + 2 * LANES);
      c20 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi);
      c21 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi + LANES);
      c22 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi + 2 * LANES);
      c30 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi);
      c31 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi + LANES);
      c32 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi + 2 * LANES);
      c40 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi);
      c41 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi + LANES);
      c42 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi + 2 * LANES);
      c50 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi);
      c51 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi + LANES);
      c52 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi + 2 * LANES);
      c60 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi);
      c61 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi + LANES);
      c62 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi + 2 * LANES);
      c70 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi);
      c71 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi + LANES);
      c72 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi + 2 * LANES);
    } else {
      DoubleVector zero = DoubleVector.zero(SPECIES);
      c00 = zero;
      c01 = zero;
      c02 = zero;
      c10 = zero;
      c11 = zero;
      c12 = zero;
      c20 = zero;
      c21 = zero;
      c22 = zero;
      c30 = zero;
      c31 = zero;
      c32 = zero;
      c40 = zero;
      c41 = zero;
      c42 = zero;
      c50 = zero;
      c51 = zero;
      c52 = zero;
      c60 = zero;
      c61 = zero;
      c62 = zero;
      c70 = zero;
      c71 = zero;
      c72 = zero;
    }
    for (int p = 0; p < kc; p++) {
      int yp = yo + p * ys;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, y, yp);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, y, yp + LANES);
      DoubleVector b2 = DoubleVector.fromArray(SPECIES, y, yp + 2 * LANES);
      int xi = xo + p * 8;
      DoubleVector a = DoubleVector.broadcast(SPECIES, xp[xi]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      c02 = a.fma(b2, c02);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      c12 = a.fma(b2, c12);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      c22 = a.fma(b2, c22);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      c32 = a.fma(b2, c32);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      c42 = a.fma(b2, c42);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      c52 = a.fma(b2, c52);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      c62 = a.fma(b2, c62);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
      c72 = a.fma(b2, c72);
    }
    c00.intoArray(c, co);
    c01.intoArray(c, co + LANES);
    c02.intoArray(c, co + 2 * LANES);
    c10.intoArray(c, co + csi);
    c11.intoArray(c, co + csi + LANES);
    c12.intoArray(c, co + csi + 2 * LANES);
    c20.intoArray(c, co + 2 * csi);
    c21.intoArray(c, co + 2 * csi + LANES);
    c22.intoArray(c, co + 2 * csi + 2 * LANES);
    c30.intoArray(c, co + 3 * csi);
    c31.intoArray(c, co + 3 * csi + LANES);
    c32.intoArray(c, co + 3 * csi + 2 * LANES);
    c40.intoArray(c, co + 4 * csi);
    c41.intoArray(c, co + 4 * csi + LANES);
    c42.intoArray(c, co + 4 * csi + 2 * LANES);
    c50.intoArray(c, co + 5 * csi);
    c51.intoArray(c, co + 5 * csi + LANES);
    c52.intoArray(c, co + 5 * csi + 2 * LANES);
    c60.intoArray(c, co + 6 * csi);
    c61.intoArray(c, co + 6 * csi + LANES);
    c62.intoArray(c, co + 6 * csi + 2 * LANES);
    c70.intoArray(c, co + 7 * csi);
    c71.intoArray(c, co + 7 * csi + LANES);
    c72.intoArray(c, co + 7 * csi + 2 * LANES);
  }

  private static void kernel6x2(int kc, double[] xp, int xo, double[] y, int yo, int ys,
      double[] c, int co, int csi, boolean load) {
    DoubleVector c00;
    DoubleVector c01;
    DoubleVector c10;
    DoubleVector c11;
    DoubleVector c20;
    DoubleVector c21;
    DoubleVector c30;
    DoubleVector c31;
    DoubleVector c40;
    DoubleVector c41;
    DoubleVector c50;
    DoubleVector c51;
    if (load) {
      c00 = DoubleVector.fromArray(SPECIES, c, co);
      c01 = DoubleVector.fromArray(SPECIES, c, co + LANES);
      c10 = DoubleVector.fromArray(SPECIES, c, co + csi);
      c11 = DoubleVector.fromArray(SPECIES, c, co + csi + LANES);
      c20 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi);
      c21 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi + LANES);
      c30 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi);
      c31 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi + LANES);
      c40 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi);
      c41 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi + LANES);
      c50 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi);
      c51 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi + LANES);
    } else {
      DoubleVector zero = DoubleVector.zero(SPECIES);
      c00 = zero;
      c01 = zero;
      c10 = zero;
      c11 = zero;
      c20 = zero;
      c21 = zero;
      c30 = zero;
      c31 = zero;
      c40 = zero;
      c41 = zero;
      c50 = zero;
      c51 = zero;
    }
    for (int p = 0; p < kc; p++) {
      int yp = yo + p * ys;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, y, yp);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, y, yp + LANES);
      int xi = xo + p * 6;
      DoubleVector a = DoubleVector.broadcast(SPECIES, xp[xi]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    c00.intoArray(c, co);
    c01.intoArray(c, co + LANES);
    c10.intoArray(c, co + csi);
    c11.intoArray(c, co + csi + LANES);
    c20.intoArray(c, co + 2 * csi);
    c21.intoArray(c, co + 2 * csi + LANES);
    c30.intoArray(c, co + 3 * csi);
    c31.intoArray(c, co + 3 * csi + LANES);
    c40.intoArray(c, co + 4 * csi);
    c41.intoArray(c, co + 4 * csi + LANES);
    c50.intoArray(c, co + 5 * csi);
    c51.intoArray(c, co + 5 * csi + LANES);
  }

  private static void kernel8x2(int kc, double[] xp, int xo, double[] y, int yo, int ys,
      double[] c, int co, int csi, boolean load) {
    DoubleVector c00;
    DoubleVector c01;
    DoubleVector c10;
    DoubleVector c11;
    DoubleVector c20;
    DoubleVector c21;
    DoubleVector c30;
    DoubleVector c31;
    DoubleVector c40;
    DoubleVector c41;
    DoubleVector c50;
    DoubleVector c51;
    DoubleVector c60;
    DoubleVector c61;
    DoubleVector c70;
    DoubleVector c71;
    if (load) {
      c00 = DoubleVector.fromArray(SPECIES, c, co);
      c01 = DoubleVector.fromArray(SPECIES, c, co + LANES);
      c10 = DoubleVector.fromArray(SPECIES, c, co + csi);
      c11 = DoubleVector.fromArray(SPECIES, c, co + csi + LANES);
      c20 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi);
      c21 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi + LANES);
      c30 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi);
      c31 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi + LANES);
      c40 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi);
      c41 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi + LANES);
      c50 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi);
      c51 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi + LANES);
      c60 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi);
      c61 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi + LANES);
      c70 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi);
      c71 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi + LANES);
    } else {
      DoubleVector zero = DoubleVector.zero(SPECIES);
      c00 = zero;
      c01 = zero;
      c10 = zero;
      c11 = zero;
      c20 = zero;
      c21 = zero;
      c30 = zero;
      c31 = zero;
      c40 = zero;
      c41 = zero;
      c50 = zero;
      c51 = zero;
      c60 = zero;
      c61 = zero;
      c70 = zero;
      c71 = zero;
    }
    for (int p = 0; p < kc; p++) {
      int yp = yo + p * ys;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, y, yp);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, y, yp + LANES);
      int xi = xo + p * 8;
      DoubleVector a = DoubleVector.broadcast(SPECIES, xp[xi]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(c, co);
    c01.intoArray(c, co + LANES);
    c10.intoArray(c, co + csi);
    c11.intoArray(c, co + csi + LANES);
    c20.intoArray(c, co + 2 * csi);
    c21.intoArray(c, co + 2 * csi + LANES);
    c30.intoArray(c, co + 3 * csi);
    c31.intoArray(c, co + 3 * csi + LANES);
    c40.intoArray(c, co + 4 * csi);
    c41.intoArray(c, co + 4 * csi + LANES);
    c50.intoArray(c, co + 5 * csi);
    c51.intoArray(c, co + 5 * csi + LANES);
    c60.intoArray(c, co + 6 * csi);
    c61.intoArray(c, co + 6 * csi + LANES);
    c70.intoArray(c, co + 7 * csi);
    c71.intoArray(c, co + 7 * csi + LANES);
  }

  private static void kernel8x1(int kc, double[] xp, int xo, double[] y, int yo, int ys,
      double[] c, int co, int csi, boolean load) {
    DoubleVector c00;
    DoubleVector c10;
    DoubleVector c20;
    DoubleVector c30;
    DoubleVector c40;
    DoubleVector c50;
    DoubleVector c60;
    DoubleVector c70;
    if (load) {
      c00 = DoubleVector.fromArray(SPECIES, c, co);
      c10 = DoubleVector.fromArray(SPECIES, c, co + csi);
      c20 = DoubleVector.fromArray(SPECIES, c, co + 2 * csi);
      c30 = DoubleVector.fromArray(SPECIES, c, co + 3 * csi);
      c40 = DoubleVector.fromArray(SPECIES, c, co + 4 * csi);
      c50 = DoubleVector.fromArray(SPECIES, c, co + 5 * csi);
      c60 = DoubleVector.fromArray(SPECIES, c, co + 6 * csi);
      c70 = DoubleVector.fromArray(SPECIES, c, co + 7 * csi);
    } else {
      DoubleVector zero = DoubleVector.zero(SPECIES);
      c00 = zero;
      c10 = zero;
      c20 = zero;
      c30 = zero;
      c40 = zero;
      c50 = zero;
      c60 = zero;
      c70 = zero;
    }
    for (int p = 0; p < kc; p++) {
      int yp = yo + p * ys;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, y, yp);
      int xi = xo + p * 8;
      DoubleVector a = DoubleVector.broadcast(SPECIES, xp[xi]);
      c00 = a.fma(b0, c00);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 1]);
      c10 = a.fma(b0, c10);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 2]);
      c20 = a.fma(b0, c20);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 3]);
      c30 = a.fma(b0, c30);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 4]);
      c40 = a.fma(b0, c40);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 5]);
      c50 = a.fma(b0, c50);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 6]);
      c60 = a.fma(b0, c60);
      a = DoubleVector.broadcast(SPECIES, xp[xi + 7]);
      c70 = a.fma(b0, c70);
    }
    c00.intoArray(c, co);
    c10.intoArray(c, co + csi);
    c20.intoArray(c, co + 2 * csi);
    c30.intoArray(c, co + 3 * csi);
    c40.intoArray(c, co + 4 * csi);
    c50.intoArray(c, co + 5 * csi);
    c60.intoArray(c, co + 6 * csi);
    c70.intoArray(c, co + 7 * csi);
  }
}
