package io.github.backprop.data;

import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Ways to divide a {@link Dataset} into a training part and a held-out test part.
 *
 * <p>Use {@link #stratified} for classification, so that each class appears in both parts in the
 * proportion it has in the whole (a plain random split of a small dataset can leave a class out
 * of the test part); {@link #random} for regression; {@link #byPosition} when the order matters,
 * as with time series or a file that already comes in train-then-test order.
 *
 * <pre>{@code
 * Split split = Splits.stratified(iris, 0.2, 42);   // 120 train rows, 30 test rows
 * Scaler scaler = Scaler.standard(split.train().inputs());
 * }</pre>
 *
 * <p>Contract: every row of the dataset lands in exactly one part, copied. The random splits are
 * deterministic: the same dataset, fraction and seed give the same split on every run and
 * platform, because all draws come from a {@link MersenneTwister} seeded with {@code seed} and
 * used for Fisher-Yates shuffles only.
 */
public final class Splits {
  private Splits() {}

  /**
   * Divides each class separately: a class of m rows sends {@code round(m * testFraction)} of
   * them, chosen at random, to the test part and the rest to training. The rows of each part are
   * then shuffled, so classes are mixed.
   *
   * <p>A row's class is the index of its largest target (the first one on ties), which is the
   * class of a one-hot row; when the targets have width 1 it is the target value itself.
   *
   * @param d the dataset, targets of shape [n, classes] (one-hot) or [n, 1] (labels)
   * @param testFraction the share of each class held out, strictly between 0 and 1
   * @param seed seeds the shuffles
   * @return the two parts; together they hold every row once
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1), or if the
   *     rounding leaves either part without a row
   */
  public static Split stratified(Dataset d, double testFraction, long seed) {
    Objects.requireNonNull(d, "d");
    checkFraction("Splits.stratified", testFraction);
    Map<Double, List<Integer>> byClass = new TreeMap<>();
    for (int r = 0; r < d.size(); r++) {
      byClass.computeIfAbsent(classOf(d.targets(), r), k -> new ArrayList<>()).add(r);
    }
    RandomGenerator rng = new MersenneTwister(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    // Classes in ascending order, so the draws (and so the split) do not depend on row order
    // beyond the order within each class.
    for (List<Integer> members : byClass.values()) {
      int[] rows = toArray(members);
      shuffle(rows, rng);
      long testCount = Math.round(rows.length * testFraction);
      for (int i = 0; i < rows.length; i++) {
        (i < testCount ? test : train).add(rows[i]);
      }
    }
    checkBothParts("Splits.stratified", d.size(), test.size(), testFraction);
    int[] trainRows = toArray(train);
    int[] testRows = toArray(test);
    shuffle(trainRows, rng);
    shuffle(testRows, rng);
    return new Split(d.rows(trainRows), d.rows(testRows));
  }

  /**
   * Shuffles all rows and holds out the first {@code round(n * testFraction)} of them, without
   * regard to class.
   *
   * @param d the dataset, any target shape
   * @param testFraction the share of rows held out, strictly between 0 and 1
   * @param seed seeds the shuffle
   * @return the two parts, each in shuffled order
   * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1), or if the
   *     rounding leaves either part without a row
   */
  public static Split random(Dataset d, double testFraction, long seed) {
    Objects.requireNonNull(d, "d");
    checkFraction("Splits.random", testFraction);
    int n = d.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, new MersenneTwister(seed));
    int testCount = (int) Math.round(n * testFraction);
    checkBothParts("Splits.random", n, testCount, testFraction);
    int[] test = new int[testCount];
    int[] train = new int[n - testCount];
    System.arraycopy(order, 0, test, 0, testCount);
    System.arraycopy(order, testCount, train, 0, n - testCount);
    return new Split(d.rows(train), d.rows(test));
  }

  /**
   * The first {@code trainRows} rows for training and the rest for testing, in their order.
   *
   * @param d the dataset
   * @param trainRows how many leading rows to train on, in [0, d.size()]
   * @return the two parts, order kept
   * @throws IllegalArgumentException if {@code trainRows} is outside [0, d.size()]
   */
  public static Split byPosition(Dataset d, int trainRows) {
    Objects.requireNonNull(d, "d");
    if (trainRows < 0 || trainRows > d.size()) {
      throw new IllegalArgumentException(
          "Splits.byPosition: trainRows must be in [0, " + d.size() + "] for a dataset of "
              + d.size() + " rows, got " + trainRows);
    }
    return new Split(d.slice(0, trainRows), d.slice(trainRows, d.size()));
  }

  private static void checkFraction(String where, double testFraction) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          where + ": testFraction must be strictly between 0 and 1, got " + testFraction);
    }
  }

  /**
   * A part without rows is almost always a fraction too small or too large for the data, which
   * would otherwise surface later as an error far from its cause.
   */
  private static void checkBothParts(String where, int rows, int testRows, double fraction) {
    if (testRows == 0 || testRows == rows) {
      throw new IllegalArgumentException(where + ": testFraction " + fraction + " of " + rows
          + " rows leaves the " + (testRows == 0 ? "test" : "training")
          + " part empty; each part needs at least one row");
    }
  }

  private static double classOf(Tensor targets, int row) {
    int cols = targets.cols();
    double[] t = targets.data();
    int base = row * cols;
    if (cols == 1) {
      return t[base] + 0.0; // folds -0.0 into 0.0, which TreeMap would otherwise keep apart
    }
    int best = 0;
    for (int c = 1; c < cols; c++) {
      if (t[base + c] > t[base + best]) {
        best = c;
      }
    }
    return best;
  }

  /** Fisher-Yates: each permutation equally likely, one draw per position. */
  private static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
