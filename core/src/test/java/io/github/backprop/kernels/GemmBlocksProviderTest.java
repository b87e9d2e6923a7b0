package io.github.backprop.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Core's pom runs these with and without the Vector API module; both runs must pass. */
class GemmBlocksProviderTest {

  private static final boolean VECTOR_READABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  @AfterEach
  void clearProperty() {
    System.clearProperty(GemmBlocksProvider.PROPERTY);
  }

  @Test
  void fastest_withoutProperty_isVectorApiExactlyWhenTheModuleIsReadable() {
    String name = GemmBlocksProvider.fastest().name();
    if (VECTOR_READABLE && VectorApiBlocks.usable()) {
      assertTrue(name.startsWith("vector-api-"), name);
    } else {
      assertEquals("java-loops", name);
    }
  }

  @Test
  void fastest_runWithNarrowerVectors_usesThem() {
    // Core's pom runs the kernel tests once with -XX:MaxVectorSize=32 and says so.
    String bits = System.getProperty("backprop.test.vectorBits");
    Assumptions.assumeTrue(bits != null, "not the 256-bit run");
    assertEquals("vector-api-" + bits, GemmBlocksProvider.fastest().name());
  }

  @Test
  void withoutC2_theVectorApiModuleStillGetsThePlainLoops() throws Exception {
    Assumptions.assumeTrue(VECTOR_READABLE && VectorApiBlocks.usable(),
        "not the Vector API run");
    // C1 boxes every vector: Vector API code there runs about 20 times slower than plain loops.
    assertEquals("java-loops", implementationInChildJvm("-XX:TieredStopAtLevel=1"));
    assertEquals("java-loops", implementationInChildJvm("-Xint"));
    assertTrue(implementationInChildJvm("-XX:-TieredCompilation").startsWith("vector-api-"));
  }

  /** Gemm.implementation() in a JVM started with the Vector API module and {@code flag}. */
  private static String implementationInChildJvm(String flag) throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), flag,
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        PrintImplementation.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.waitFor(), "child JVM with " + flag + " printed: " + out);
    return out.strip();
  }

  @Test
  void fastest_javaLoopsProperty_forcesThePlainLoops() {
    System.setProperty(GemmBlocksProvider.PROPERTY, " Java-Loops ");
    assertEquals("java-loops", GemmBlocksProvider.fastest().name());
  }

  @Test
  void fastest_vectorApiProperty_usesItOrSaysWhatIsMissing() {
    System.setProperty(GemmBlocksProvider.PROPERTY, "vector-api");
    if (VECTOR_READABLE && VectorApiBlocks.usable()) {
      assertTrue(GemmBlocksProvider.fastest().name().startsWith("vector-api-"));
    } else {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, GemmBlocksProvider::fastest);
      assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
    }
  }

  @Test
  void forGemm_unknownProperty_warnsAndFallsBackToTheFastest() {
    System.setProperty(GemmBlocksProvider.PROPERTY, "vector");
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    GemmBlocks chosen;
    try {
      chosen = GemmBlocksProvider.forGemm();
    } finally {
      System.setErr(err);
    }
    System.clearProperty(GemmBlocksProvider.PROPERTY);
    assertEquals(GemmBlocksProvider.fastest().name(), chosen.name());
    assertEquals("WARNING: -Dbackprop.gemm must be java-loops or vector-api, got 'vector'; using "
        + chosen.name() + System.lineSeparator(),
        captured.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void fastest_unknownProperty_namesTheChoicesAndTheValue() {
    System.setProperty(GemmBlocksProvider.PROPERTY, "vector");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, GemmBlocksProvider::fastest);
    assertEquals("-Dbackprop.gemm must be java-loops or vector-api, got 'vector'",
        e.getMessage());
  }
}
