package io.github.backprop.kernels;

import java.util.Locale;

/**
 * Chooses the gemm blocks at class-load time, as Apache Lucene chooses its vectorised code: the
 * Vector API blocks when the JVM can run them well (the module is readable, vectors are at least
 * 256 bits wide, and C2 compiles), else the plain Java loops. JDK 17 without flags always gets
 * the plain loops.
 *
 * <p>The Vector API is an incubator module, readable only when the JVM is started with {@code
 * --add-modules jdk.incubator.vector}. The system property {@code backprop.gemm} ({@code
 * java-loops} or {@code vector-api}) insists on one, to compare the two.
 */
final class GemmBlocksProvider {
  /** System property naming the blocks to use: {@code java-loops} or {@code vector-api}. */
  static final String PROPERTY = "backprop.gemm";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  private GemmBlocksProvider() {}

  /**
   * The blocks {@link Gemm} runs: {@link #fastest()}, or, when the property is wrong, the
   * fastest available after a one-line warning on standard error. Results are the same bits
   * either way, so a typo in a launch flag costs speed, never a run.
   */
  static GemmBlocks forGemm() {
    try {
      return fastest();
    } catch (IllegalArgumentException e) {
      GemmBlocks fallback = fastestAvailable();
      System.err.println("WARNING: " + e.getMessage() + "; using " + fallback.name());
      return fallback;
    }
  }

  /**
   * The fastest blocks available, or those {@link #PROPERTY} names.
   *
   * @throws IllegalArgumentException if the property names no implementation, or names the
   *     Vector API on a JVM that cannot run it
   */
  static GemmBlocks fastest() {
    String wanted = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case "":
        return fastestAvailable();
      case "java-loops":
        return new AutoVectorizedBlocks();
      case "vector-api":
        GemmBlocks required = vectorApi();
        if (required == null) {
          throw new IllegalArgumentException("-D" + PROPERTY + "=vector-api needs the JVM "
              + "started with --add-modules " + VECTOR_MODULE + " on a machine with vectors of"
              + " at least 256 bits, and its C2 compiler (not -Xint or -XX:TieredStopAtLevel"
              + " below 4)");
        }
        return required;
      default:
        throw new IllegalArgumentException("-D" + PROPERTY + " must be java-loops or "
            + "vector-api, got '" + System.getProperty(PROPERTY) + "'");
    }
  }

  /** The Vector API blocks where they can run, else the plain loops. */
  private static GemmBlocks fastestAvailable() {
    GemmBlocks vector = vectorApi();
    return vector != null ? vector : new AutoVectorizedBlocks();
  }

  /**
   * The Vector API blocks, with their kernels and the finite scan that goes with them already
   * compiled by the JIT (see {@link JitWarmUp}), or null when the module is not readable, the
   * machine's vectors are too narrow for them to pay, or the JVM runs without C2.
   */
  static GemmBlocks vectorApi() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty() || !JitWarmUp.c2Compiles()) {
      return null;
    }
    // Touching VectorApiBlocks only now keeps the JVMs without the module from linking it.
    try {
      if (!VectorApiBlocks.usable()) {
        return null;
      }
      VectorApiBlocks.warmUp();
      VectorApiFiniteScan.warmUp();
      return new VectorApiBlocks();
    } catch (LinkageError | RuntimeException e) {
      // An incubator API this class was not compiled against: the plain loops still work.
      System.err.println("WARNING: the Vector API gemm cannot run on this JVM (" + e
          + "); using java-loops");
      return null;
    }
  }
}
