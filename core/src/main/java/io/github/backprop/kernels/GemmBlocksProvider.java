package io.github.backprop.kernels;

import java.util.Locale;

/**
 * Chooses the gemm blocks at class-load time, as Apache Lucene chooses its vectorised code: the
 * Vector API blocks when the JVM can run them well, else the plain Java loops. JDK 17 without
 * flags always gets the plain loops.
 *
 * <p>The Vector API is an incubator module, readable only when the JVM is started with {@code
 * --add-modules jdk.incubator.vector}. The system property {@code backprop.gemm=java-loops}
 * forces the plain loops, to compare the two.
 */
final class GemmBlocksProvider {
  /** System property naming the blocks to use: {@code java-loops} or {@code vector-api}. */
  static final String PROPERTY = "backprop.gemm";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  private GemmBlocksProvider() {}

  /** The fastest blocks available, honouring {@link #PROPERTY}. */
  static GemmBlocks fastest() {
    String wanted = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    if (wanted.equals("java-loops")) {
      return new AutoVectorizedBlocks();
    }
    GemmBlocks vector = vectorApi();
    return vector != null ? vector : new AutoVectorizedBlocks();
  }

  /**
   * The Vector API blocks, or null when the module is not readable or the machine's vectors
   * are too narrow for them to pay.
   */
  static GemmBlocks vectorApi() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return null;
    }
    // Touching VectorApiBlocks only now keeps the JVMs without the module from linking it.
    return VectorApiBlocks.usable() ? new VectorApiBlocks() : null;
  }
}
