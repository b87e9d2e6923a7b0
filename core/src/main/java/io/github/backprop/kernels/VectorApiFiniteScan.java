package io.github.backprop.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise#allFinite} on the Vector API, used when the gemm blocks run on it: a whole
 * vector per step, where C2 leaves the plain loop scalar. Loaded only on JVMs that can run it.
 */
final class VectorApiFiniteScan {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private VectorApiFiniteScan() {}

  /**
   * Has the JIT compile {@link #allFinite} before a real scan reaches it (see {@link
   * JitWarmUp}), on a few vectors and a scalar tail, so that C2 sees both loops run. Once
   * compiled, a call costs one round.
   */
  static void warmUp() {
    double[] a = new double[2 * SPECIES.length() + 3];
    JitWarmUp.untilCompiled(() -> {
      for (int i = 0; i < JitWarmUp.CALLS_PER_ROUND; i++) {
        if (!allFinite(a, 0, a.length)) {
          throw new AssertionError("zeros scanned as not finite");
        }
      }
    }, JitWarmUp.MAX_NANOS);
  }

  /**
   * Adds {@code x - x} over the range: +0 for every finite x, NaN for an infinity or a NaN, and
   * NaN stays NaN. No early exit: the scan is for the common case, where there is none.
   */
  static boolean allFinite(double[] a, int from, int to) {
    int i = from;
    int bound = from + SPECIES.loopBound(to - from);
    DoubleVector sum = DoubleVector.zero(SPECIES);
    for (; i < bound; i += SPECIES.length()) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      sum = sum.add(v.sub(v));
    }
    return sum.reduceLanes(VectorOperators.ADD) == 0 && Elementwise.allFiniteLoop(a, i, to);
  }
}
