package io.github.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.internal.SeededRandom;
import io.github.backprop.tensor.Tensor;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;

/** Each initializer's distribution, checked with Commons Math's Kolmogorov-Smirnov test. */
class InitializersTest {
  private static final int FAN_IN = 30;
  private static final int FAN_OUT = 20;

  private static double[] draw(Initializer init) {
    Tensor t = Tensor.zeros(200, 100);
    init.initialize(t, FAN_IN, FAN_OUT, new SeededRandom(42));
    return t.data();
  }

  private static void assertFits(double[] sample,
      org.apache.commons.math3.distribution.RealDistribution d) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, sample);
    assertTrue(p > 0.001, "sample does not fit " + d + ": p = " + p);
  }

  @Test
  void xavierUniform_isUniformOnGlorotBound() {
    double b = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
    assertFits(draw(Initializers.xavierUniform()), new UniformRealDistribution(-b, b));
  }

  @Test
  void xavierNormal_hasGlorotStd() {
    assertFits(draw(Initializers.xavierNormal()),
        new NormalDistribution(0, Math.sqrt(2.0 / (FAN_IN + FAN_OUT))));
  }

  @Test
  void heUniform_isUniformOnHeBound() {
    double b = Math.sqrt(6.0 / FAN_IN);
    assertFits(draw(Initializers.heUniform()), new UniformRealDistribution(-b, b));
  }

  @Test
  void heNormal_hasHeStd() {
    assertFits(draw(Initializers.heNormal()), new NormalDistribution(0, Math.sqrt(2.0 / FAN_IN)));
  }

  @Test
  void uniformAndNormal_useTheirParameters() {
    assertFits(draw(Initializers.uniform(-3, 5)), new UniformRealDistribution(-3, 5));
    assertFits(draw(Initializers.normal(1.5, 0.25)), new NormalDistribution(1.5, 0.25));
  }

  @Test
  void constantAndZeros_fillEveryElement() {
    DescriptiveStatistics c = new DescriptiveStatistics(draw(Initializers.constant(0.35)));
    assertEquals(0.35, c.getMin());
    assertEquals(0.35, c.getMax());
    DescriptiveStatistics z = new DescriptiveStatistics(draw(Initializers.zeros()));
    assertEquals(0.0, z.getMin());
    assertEquals(0.0, z.getMax());
  }

  @Test
  void sameSeed_sameValues() {
    assertEquals(java.util.Arrays.toString(draw(Initializers.heNormal())),
        java.util.Arrays.toString(draw(Initializers.heNormal())));
  }

  @Test
  void badParameters_areNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.uniform(1, 1));
    assertEquals("uniform: low must be less than high, got low=1.0, high=1.0", e.getMessage());
    IllegalArgumentException std = assertThrows(IllegalArgumentException.class,
        () -> Initializers.normal(0, -1));
    assertEquals("normal: std must be at least 0, got -1.0", std.getMessage());
  }
}
