package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticTest {
  /** Checks one-hot rows over 2 classes and returns how many rows are class 1. */
  private static int assertOneHotAndCountClassOne(Dataset d) {
    assertEquals(2, d.targetWidth());
    int ones = 0;
    for (int r = 0; r < d.size(); r++) {
      double a = d.targets().get(r, 0);
      double b = d.targets().get(r, 1);
      assertTrue((a == 1 && b == 0) || (a == 0 && b == 1), "row " + r + " is not one-hot");
      ones += (int) b;
    }
    return ones;
  }

  private static boolean classOneInFirstRows(Dataset d, int rows) {
    boolean zero = false;
    boolean one = false;
    for (int r = 0; r < rows; r++) {
      zero |= d.targets().get(r, 0) == 1;
      one |= d.targets().get(r, 1) == 1;
    }
    return zero && one;
  }

  @Test
  void xor_isTheFourPoints() {
    Dataset xor = Synthetic.xor();
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, xor.inputs().data());
    assertArrayEquals(new double[] {0, 1, 1, 0}, xor.targets().data());
    assertEquals("[4, 1]", xor.targets().shape().toString());
  }

  @Test
  void spirals_shapesAndBalancedClasses() {
    Dataset d = Synthetic.spirals(50, 0.02, 1);
    assertEquals("[100, 2]", d.inputs().shape().toString());
    assertEquals(50, assertOneHotAndCountClassOne(d));
    assertTrue(classOneInFirstRows(d, 10), "rows should be shuffled");
  }

  @Test
  void spirals_withoutNoise_secondSpiralIsFirstRotatedByHalfTurn() {
    Dataset d = Synthetic.spirals(40, 0, 3);
    java.util.Set<String> zero = new java.util.HashSet<>();
    java.util.Set<String> oneNegated = new java.util.HashSet<>();
    for (int r = 0; r < d.size(); r++) {
      double x = d.inputs().get(r, 0);
      double y = d.inputs().get(r, 1);
      assertTrue(Math.hypot(x, y) <= 1, "inside the unit disc");
      if (d.targets().get(r, 0) == 1) {
        zero.add(x + "," + y);
      } else {
        oneNegated.add((-x + 0.0) + "," + (-y + 0.0));
      }
    }
    assertEquals(zero, oneNegated);
  }

  @Test
  void moons_withoutNoise_pointsLieOnTheTwoArcs() {
    Dataset d = Synthetic.moons(101, 0, 9);
    assertEquals(101, d.size());
    assertEquals(51, assertOneHotAndCountClassOne(d)); // class 0 gets 101 / 2 = 50
    for (int r = 0; r < d.size(); r++) {
      double x = d.inputs().get(r, 0);
      double y = d.inputs().get(r, 1);
      if (d.targets().get(r, 0) == 1) {
        assertEquals(1, Math.hypot(x, y), 1e-12);
        assertTrue(y >= -1e-12);
      } else {
        assertEquals(1, Math.hypot(x - 1, y - 0.5), 1e-12);
        assertTrue(y <= 0.5 + 1e-12);
      }
    }
    assertTrue(classOneInFirstRows(d, 10), "rows should be shuffled");
  }

  @Test
  void moons_noise_movesPointsOffTheArcs() {
    Dataset clean = Synthetic.moons(100, 0, 9);
    Dataset noisy = Synthetic.moons(100, 0.1, 9);
    assertNotEquals(clean.inputs(), noisy.inputs());
  }

  @Test
  void circles_withoutNoise_radiiAreOneAndFactor() {
    Dataset d = Synthetic.circles(60, 0, 0.4, 2);
    assertEquals(30, assertOneHotAndCountClassOne(d));
    for (int r = 0; r < d.size(); r++) {
      double radius = Math.hypot(d.inputs().get(r, 0), d.inputs().get(r, 1));
      assertEquals(d.targets().get(r, 0) == 1 ? 1 : 0.4, radius, 1e-12);
    }
  }

  @Test
  void sine_xUniformInRangeAndYIsSinX() {
    Dataset d = Synthetic.sine(500, 4);
    assertEquals("[500, 1]", d.inputs().shape().toString());
    assertEquals("[500, 1]", d.targets().shape().toString());
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int r = 0; r < 500; r++) {
      double x = d.inputs().get(r, 0);
      assertTrue(x >= -Math.PI && x <= Math.PI);
      assertEquals(Math.sin(x), d.targets().get(r, 0));
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assertTrue(min < -3 && max > 3, "500 uniform draws should come near both ends");
  }

  @Test
  void everyGenerator_sameSeedSameData_otherSeedOtherData() {
    assertEquals(Synthetic.spirals(30, 0.1, 7), Synthetic.spirals(30, 0.1, 7));
    assertNotEquals(Synthetic.spirals(30, 0.1, 7), Synthetic.spirals(30, 0.1, 8));
    assertEquals(Synthetic.moons(30, 0.1, 7), Synthetic.moons(30, 0.1, 7));
    assertNotEquals(Synthetic.moons(30, 0.1, 7), Synthetic.moons(30, 0.1, 8));
    assertEquals(Synthetic.circles(30, 0.1, 0.5, 7), Synthetic.circles(30, 0.1, 0.5, 7));
    assertNotEquals(Synthetic.circles(30, 0.1, 0.5, 7), Synthetic.circles(30, 0.1, 0.5, 8));
    assertEquals(Synthetic.sine(30, 7), Synthetic.sine(30, 7));
    assertNotEquals(Synthetic.sine(30, 7), Synthetic.sine(30, 8));
  }

  @Test
  void badArguments_messagesNameParameterAndValue() {
    assertEquals(
        "Synthetic.spirals: perClass must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> Synthetic.spirals(0, 0.1, 1))
            .getMessage());
    assertEquals(
        "Synthetic.moons: n must be at least 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> Synthetic.moons(1, 0.1, 1))
            .getMessage());
    assertEquals(
        "Synthetic.moons: noise is a standard deviation and must be finite and at least 0,"
            + " got -0.1",
        assertThrows(IllegalArgumentException.class, () -> Synthetic.moons(10, -0.1, 1))
            .getMessage());
    assertEquals(
        "Synthetic.circles: factor must be strictly between 0 and 1, got 1.0",
        assertThrows(IllegalArgumentException.class, () -> Synthetic.circles(10, 0, 1, 1))
            .getMessage());
    assertEquals(
        "Synthetic.circles: noise is a standard deviation and must be finite and at least 0,"
            + " got NaN",
        assertThrows(
                IllegalArgumentException.class, () -> Synthetic.circles(10, Double.NaN, 0.5, 1))
            .getMessage());
    assertEquals(
        "Synthetic.sine: n must be at least 1, got -3",
        assertThrows(IllegalArgumentException.class, () -> Synthetic.sine(-3, 1)).getMessage());
  }
}
