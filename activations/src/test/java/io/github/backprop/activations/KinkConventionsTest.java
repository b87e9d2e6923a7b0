package io.github.backprop.activations;

import static io.github.backprop.activations.ElementwiseActivationsTest.backward;
import static io.github.backprop.activations.ElementwiseActivationsTest.forward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.nn.Activation;
import org.junit.jupiter.api.Test;

/**
 * The derivative exactly at each kink, pinned to what torch's backward kernels return there
 * (aten/src/ATen/native/cpu/Activation.cpp and the CUDA kernels): the one-sided choice a
 * finite difference cannot make.
 */
class KinkConventionsTest {
  private static double slopeAt(Activation activation, double x) {
    return backward(activation, new double[] {x}, new double[] {1})[0];
  }

  @Test
  void relu_atZero_hasSlopeZero() {
    assertEquals(0.0, slopeAt(Activations.relu(), 0.0));
    assertEquals(0.0, forward(Activations.relu(), new double[] {0.0})[0]);
  }

  @Test
  void leakyRelu_atZero_hasSlopeAlpha() {
    assertEquals(0.01, slopeAt(Activations.leakyRelu(), 0.0));
    assertEquals(-0.5, slopeAt(Activations.leakyRelu(-0.5), 0.0));
  }

  @Test
  void elu_atZero_hasSlopeAlpha() {
    assertEquals(1.0, slopeAt(Activations.elu(), 0.0));
    assertEquals(0.5, slopeAt(Activations.elu(0.5), 0.0));
  }

  @Test
  void selu_atZero_hasSlopeScaleTimesAlpha() {
    assertEquals(Selu.SCALE * Selu.ALPHA, slopeAt(Activations.selu(), 0.0), 1e-15);
  }

  @Test
  void celu_atZero_hasSlopeOne() {
    assertEquals(1.0, slopeAt(Activations.celu(), 0.0));
    assertEquals(1.0, slopeAt(Activations.celu(2.0), 0.0));
  }

  @Test
  void hardTanh_atEitherCorner_hasSlopeZero() {
    assertEquals(0.0, slopeAt(Activations.hardTanh(), -1.0));
    assertEquals(0.0, slopeAt(Activations.hardTanh(), 1.0));
    assertEquals(0.0, slopeAt(Activations.hardTanh(-2, 0.5), 0.5));
    assertArrayEquals(new double[] {-1, 1},
        forward(Activations.hardTanh(), new double[] {-1, 1}));
  }

  @Test
  void hardSigmoid_atPlusOrMinusThree_hasSlopeZero() {
    assertEquals(0.0, slopeAt(Activations.hardSigmoid(), -3.0));
    assertEquals(0.0, slopeAt(Activations.hardSigmoid(), 3.0));
    assertArrayEquals(new double[] {0, 1},
        forward(Activations.hardSigmoid(), new double[] {-3, 3}));
  }

  @Test
  void hardSwish_atPlusOrMinusThree_takesTheMiddleBranch() {
    assertEquals(-0.5, slopeAt(Activations.hardSwish(), -3.0), 1e-15);
    assertEquals(1.5, slopeAt(Activations.hardSwish(), 3.0), 1e-15);
    assertArrayEquals(new double[] {0, 3},
        forward(Activations.hardSwish(), new double[] {-3, 3}));
  }

  @Test
  void step_everywhereIncludingZero_hasSlopeZeroAndStepsAfterZero() {
    double[] x = {-1e4, -1, 0, 1e-300, 1, 1e4};
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, forward(Activations.step(), x));
    assertArrayEquals(new double[6],
        backward(Activations.step(), x, new double[] {1, 2, 3, 4, 5, 6}));
  }

  @Test
  void softplus_atTheThreshold_isStillTheCurve() {
    // torch switches to the line only where beta z > threshold, strictly.
    double e = Math.exp(20);
    assertEquals(Math.log1p(e), forward(Activations.softplus(), new double[] {20})[0], 1e-15);
    assertEquals(e / (1 + e), slopeAt(Activations.softplus(), 20), 1e-16);
    assertEquals(20.000001, forward(Activations.softplus(), new double[] {20.000001})[0]);
    assertEquals(1.0, slopeAt(Activations.softplus(), 20.000001));
  }
}
