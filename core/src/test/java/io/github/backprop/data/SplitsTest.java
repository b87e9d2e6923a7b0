package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitsTest {
  /**
   * Rows grouped by class, as iris is: {@code counts[k]} rows of class k, one-hot over
   * counts.length classes. Input row i is [i], so a row's origin can be read back.
   */
  private static Dataset grouped(int... counts) {
    int n = Arrays.stream(counts).sum();
    Tensor x = Tensor.zeros(n, 1);
    Tensor y = Tensor.zeros(n, counts.length);
    int r = 0;
    for (int k = 0; k < counts.length; k++) {
      for (int i = 0; i < counts[k]; i++, r++) {
        x.set(r, 0, r);
        y.set(r, k, 1);
      }
    }
    return new Dataset(x, y);
  }

  private static int[] origins(Dataset d) {
    return Arrays.stream(d.inputs().data()).mapToInt(v -> (int) v).toArray();
  }

  private static Map<Integer, Integer> classCounts(Dataset d) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int r = 0; r < d.size(); r++) {
      double[] row = d.targets().row(r);
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        best = row[c] > row[best] ? c : best;
      }
      counts.merge(row.length == 1 ? (int) row[0] : best, 1, Integer::sum);
    }
    return counts;
  }

  /** Each row of {@code whole} appears in exactly one part, with its own target. */
  private static void assertPartition(Dataset whole, Split split) {
    int[] all = new int[whole.size()];
    for (Dataset part : new Dataset[] {split.train(), split.test()}) {
      for (int r = 0; r < part.size(); r++) {
        int origin = (int) part.inputs().get(r, 0);
        all[origin]++;
        assertArrayEquals(whole.targets().row(origin), part.targets().row(r));
      }
    }
    for (int i = 0; i < all.length; i++) {
      assertEquals(1, all[i], "row " + i + " should be in exactly one part");
    }
  }

  @Test
  void stratified_irisShape_holdsOutTheSameShareOfEachClass() {
    Dataset iris = grouped(50, 50, 50);
    Split split = Splits.stratified(iris, 0.2, 42);
    assertEquals(Map.of(0, 40, 1, 40, 2, 40), classCounts(split.train()));
    assertEquals(Map.of(0, 10, 1, 10, 2, 10), classCounts(split.test()));
    assertPartition(iris, split);
  }

  @Test
  void stratified_unevenClasses_roundsEachClassSeparately() {
    // 0.3 * 5 = 1.5 rounds to 2; 0.3 * 11 = 3.3 rounds to 3; 0.3 * 2 = 0.6 rounds to 1.
    Dataset d = grouped(5, 11, 2);
    Split split = Splits.stratified(d, 0.3, 7);
    assertEquals(Map.of(0, 2, 1, 3, 2, 1), classCounts(split.test()));
    assertEquals(Map.of(0, 3, 1, 8, 2, 1), classCounts(split.train()));
    assertPartition(d, split);
  }

  @Test
  void stratified_widthOneTargets_groupsByValue() {
    Tensor x = Tensor.zeros(100, 1);
    Tensor y = Tensor.zeros(100, 1);
    for (int r = 0; r < 100; r++) {
      x.set(r, 0, r);
      y.set(r, 0, r < 30 ? 1 : 0); // 30 positives first, then 70 negatives
    }
    Dataset d = new Dataset(x, y);
    Split split = Splits.stratified(d, 0.2, 1);
    assertEquals(Map.of(0, 14, 1, 6), classCounts(split.test()));
    assertEquals(Map.of(0, 56, 1, 24), classCounts(split.train()));
    assertPartition(d, split);
  }

  @Test
  void stratified_mixesClassesWithinEachPart() {
    Split split = Splits.stratified(grouped(50, 50, 50), 0.2, 42);
    double[] firstTen = Arrays.copyOf(split.train().inputs().data(), 10);
    assertTrue(
        Arrays.stream(firstTen).anyMatch(v -> v >= 50),
        "train rows should not come grouped by class: " + Arrays.toString(firstTen));
  }

  @Test
  void stratified_sameSeed_sameSplit_otherSeed_otherSplit() {
    Dataset d = grouped(20, 30, 25);
    assertEquals(Splits.stratified(d, 0.25, 3), Splits.stratified(d, 0.25, 3));
    assertNotEquals(Splits.stratified(d, 0.25, 3), Splits.stratified(d, 0.25, 4));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void stratified_fractionOutsideOpenUnitInterval_rejectedWithValue(double f) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Splits.stratified(grouped(5, 5), f, 1));
    assertEquals(
        "Splits.stratified: testFraction must be strictly between 0 and 1, got " + f,
        e.getMessage());
  }

  @Test
  void random_holdsOutRoundedShare_inMersenneTwisterFisherYatesOrder() {
    Dataset d = grouped(7, 6); // 13 rows
    Split split = Splits.random(d, 0.3, 99);
    // Oracle: an independent Fisher-Yates with the same generator; test = first round(3.9) = 4.
    int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    // 99L, not 99: MersenneTwister(int) seeds differently from MersenneTwister(long).
    MersenneTwister rng = new MersenneTwister(99L);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    assertArrayEquals(Arrays.copyOfRange(order, 0, 4), origins(split.test()));
    assertArrayEquals(Arrays.copyOfRange(order, 4, 13), origins(split.train()));
    assertPartition(d, split);
    assertEquals(split, Splits.random(d, 0.3, 99));
  }

  @Test
  void fractionThatRoundsAPartToNothing_isRejected_namingWhichPart() {
    // 0.04 of 11 rows rounds to 0 test rows; 0.96 of 11 to 11, leaving no training row
    assertEquals("Splits.random: testFraction 0.04 of 11 rows leaves the test part empty; each"
        + " part needs at least one row", assertThrows(IllegalArgumentException.class,
            () -> Splits.random(grouped(11), 0.04, 1)).getMessage());
    assertEquals("Splits.random: testFraction 0.96 of 11 rows leaves the training part empty;"
        + " each part needs at least one row", assertThrows(IllegalArgumentException.class,
            () -> Splits.random(grouped(11), 0.96, 1)).getMessage());
    // per class: 0.1 of 4 and of 3 both round to 0
    assertEquals("Splits.stratified: testFraction 0.1 of 7 rows leaves the test part empty; each"
        + " part needs at least one row", assertThrows(IllegalArgumentException.class,
            () -> Splits.stratified(grouped(4, 3), 0.1, 1)).getMessage());
  }

  @Test
  void random_badFraction_rejectedWithValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Splits.random(grouped(4), 2, 1));
    assertEquals(
        "Splits.random: testFraction must be strictly between 0 and 1, got 2.0", e.getMessage());
  }

  @Test
  void byPosition_keepsOrder() {
    Dataset d = grouped(3, 3);
    Split split = Splits.byPosition(d, 4);
    assertArrayEquals(new int[] {0, 1, 2, 3}, origins(split.train()));
    assertArrayEquals(new int[] {4, 5}, origins(split.test()));
    assertEquals(0, Splits.byPosition(d, 6).test().size());
    assertEquals(0, Splits.byPosition(d, 0).train().size());
  }

  @Test
  void byPosition_outOfRange_messageGivesRangeAndValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Splits.byPosition(grouped(3, 3), 7));
    assertEquals(
        "Splits.byPosition: trainRows must be in [0, 6] for a dataset of 6 rows, got 7",
        e.getMessage());
  }

  @Test
  void split_nullPart_rejected() {
    Dataset d = grouped(1);
    assertThrows(NullPointerException.class, () -> new Split(d, null));
  }
}
