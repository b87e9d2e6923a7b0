package io.github.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.nn.Activation;
import io.github.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The branch-free relu loops against the textbook comparisons, bit for bit, on every kind of
 * double: zeros of both signs, subnormals, the extremes, infinities and NaNs of both signs.
 */
class ReluTest {
  private static final double[] SPECIAL = {
      0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
      1e-300, -1e-300, 0.5, -0.5, 1.0, -1.0, 3e5, -3e5, Double.MAX_VALUE, -Double.MAX_VALUE,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
      Double.longBitsToDouble(0xFFF8_0000_0000_0000L),  // NaN with the sign bit set
      Double.longBitsToDouble(0x7FF0_0000_0000_0001L)}; // signalling-pattern NaN

  @Test
  void positiveMask_everyKindOfDouble_isAllOnesExactlyWhenGreaterThanZero() {
    for (double z : SPECIAL) {
      long expected = z > 0 ? -1L : 0L;
      assertEquals(expected, Relu.positiveMask(Double.doubleToRawLongBits(z)), "z = " + z);
    }
  }

  @Test
  void backward_everyPairOfSpecialValues_matchesUpstreamWherePositiveElseZero() {
    int n = SPECIAL.length * SPECIAL.length;
    double[] z = new double[n];
    double[] upstream = new double[n];
    for (int i = 0; i < SPECIAL.length; i++) {
      for (int j = 0; j < SPECIAL.length; j++) {
        z[i * SPECIAL.length + j] = SPECIAL[i];
        upstream[i * SPECIAL.length + j] = SPECIAL[j];
      }
    }
    Activation relu = Activations.relu();
    Tensor zt = Tensor.wrap(z, n);
    Tensor a = Tensor.zeros(n);
    Tensor dz = Tensor.zeros(n);
    relu.forward(zt, a);
    relu.backward(zt, a, Tensor.wrap(upstream, n), dz);

    for (int i = 0; i < n; i++) {
      double expected = z[i] > 0 ? upstream[i] : 0.0;
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(dz.get(i)),
          "z = " + z[i] + ", upstream = " + upstream[i]);
    }
  }

  @Test
  void forward_everyKindOfDouble_matchesZeroForNonPositiveAndNanPassingThrough() {
    Tensor z = Tensor.vector(SPECIAL);
    Tensor a = Tensor.zeros(SPECIAL.length);
    Activations.relu().forward(z, a);

    for (int i = 0; i < SPECIAL.length; i++) {
      double expected = SPECIAL[i] <= 0 ? 0.0 : SPECIAL[i];
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(a.get(i)),
          "z = " + SPECIAL[i]);
    }
  }
}
