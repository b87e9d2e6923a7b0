package io.github.backprop.data;

import io.github.backprop.tensor.Tensor;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Small generated datasets for examples, tests and first experiments, where the answer is known
 * and the data fits on one screen.
 *
 * <pre>{@code
 * Dataset moons = Synthetic.moons(200, 0.1, 42);    // inputs [200, 2], targets [200, 2]
 * Split split = Splits.stratified(moons, 0.25, 42);
 * }</pre>
 *
 * <p>Contract: every generator is a pure function of its arguments. All randomness comes from a
 * {@link MersenneTwister} seeded with {@code seed}, so the same arguments give the same data on
 * every run and platform. Classification sets have one-hot targets, shape [n, 2], with rows in a
 * seeded random order so that any slice holds both classes; {@link #xor()} and {@link #sine}
 * have targets of shape [n, 1]. The shapes of moons and circles follow scikit-learn's
 * {@code make_moons} and {@code make_circles}, and noise is Gaussian with standard deviation
 * {@code noise} added to each coordinate.
 */
public final class Synthetic {
  private Synthetic() {}

  /**
   * The four points of exclusive-or: the smallest problem a network without a hidden layer
   * cannot solve.
   *
   * @return inputs [[0, 0], [0, 1], [1, 0], [1, 1]], shape [4, 2]; targets [[0], [1], [1], [0]],
   *     shape [4, 1]
   */
  public static Dataset xor() {
    return Dataset.of(
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
  }

  /**
   * Two interleaved spirals, each turning 1.75 times around the origin, the second the first
   * rotated by half a turn. Hard for a small network: it needs curved boundaries that wind.
   *
   * <p>Point i of class k: {@code r = (i + 0.5) / perClass}, {@code t = 3.5 pi r},
   * {@code (x, y) = (-1)^k (r cos t, r sin t)} plus noise. Without noise, points lie in the unit
   * disc.
   *
   * @param perClass points per spiral, at least 1
   * @param noise the standard deviation of the noise, finite and at least 0 (try 0.02)
   * @param seed seeds the noise and the row order
   * @return inputs shape [2 * perClass, 2]; one-hot targets shape [2 * perClass, 2]
   * @throws IllegalArgumentException if {@code perClass} is below 1 or {@code noise} is negative
   *     or not finite
   */
  public static Dataset spirals(int perClass, double noise, long seed) {
    checkCount("Synthetic.spirals", "perClass", perClass, 1);
    checkNoise("Synthetic.spirals", noise);
    RandomGenerator rng = new MersenneTwister(seed);
    int n = 2 * perClass;
    double[] x = new double[n * 2];
    int[] label = new int[n];
    for (int i = 0; i < perClass; i++) {
      double r = (i + 0.5) / perClass;
      double t = 3.5 * Math.PI * r;
      for (int k = 0; k < 2; k++) {
        int row = 2 * i + k;
        double sign = k == 0 ? 1 : -1;
        x[2 * row] = sign * r * Math.cos(t) + noise * rng.nextGaussian();
        x[2 * row + 1] = sign * r * Math.sin(t) + noise * rng.nextGaussian();
        label[row] = k;
      }
    }
    return shuffled(x, label, rng);
  }

  /**
   * Two interleaving half circles: class 0 is the upper arc {@code (cos t, sin t)}, class 1 the
   * lower arc {@code (1 - cos t, 0.5 - sin t)}, for t evenly spaced over [0, pi]. Not linearly
   * separable, but a small hidden layer solves it.
   *
   * @param n total points, at least 2; class 0 gets {@code n / 2} of them (rounded down)
   * @param noise the standard deviation of the noise, finite and at least 0 (try 0.1)
   * @param seed seeds the noise and the row order
   * @return inputs shape [n, 2]; one-hot targets shape [n, 2]
   * @throws IllegalArgumentException if {@code n} is below 2 or {@code noise} is negative or not
   *     finite
   */
  public static Dataset moons(int n, double noise, long seed) {
    checkCount("Synthetic.moons", "n", n, 2);
    checkNoise("Synthetic.moons", noise);
    RandomGenerator rng = new MersenneTwister(seed);
    int outer = n / 2;
    int inner = n - outer;
    double[] x = new double[n * 2];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      boolean isOuter = i < outer;
      int count = isOuter ? outer : inner;
      int j = isOuter ? i : i - outer;
      double t = count == 1 ? 0 : Math.PI * j / (count - 1);
      x[2 * i] = (isOuter ? Math.cos(t) : 1 - Math.cos(t)) + noise * rng.nextGaussian();
      x[2 * i + 1] = (isOuter ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * rng.nextGaussian();
      label[i] = isOuter ? 0 : 1;
    }
    return shuffled(x, label, rng);
  }

  /**
   * A circle inside another: class 0 on the unit circle, class 1 on a circle of radius
   * {@code factor}, angles evenly spaced over [0, 2 pi). Separable only by a curved boundary.
   *
   * @param n total points, at least 2; class 0 gets {@code n / 2} of them (rounded down)
   * @param noise the standard deviation of the noise, finite and at least 0 (try 0.05)
   * @param factor the inner circle's radius relative to the outer's, strictly between 0 and 1
   * @param seed seeds the noise and the row order
   * @return inputs shape [n, 2]; one-hot targets shape [n, 2]
   * @throws IllegalArgumentException if {@code n} is below 2, {@code noise} is negative or not
   *     finite, or {@code factor} is not in (0, 1)
   */
  public static Dataset circles(int n, double noise, double factor, long seed) {
    checkCount("Synthetic.circles", "n", n, 2);
    checkNoise("Synthetic.circles", noise);
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException(
          "Synthetic.circles: factor must be strictly between 0 and 1, got " + factor);
    }
    RandomGenerator rng = new MersenneTwister(seed);
    int outer = n / 2;
    int inner = n - outer;
    double[] x = new double[n * 2];
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      boolean isOuter = i < outer;
      double radius = isOuter ? 1 : factor;
      double t = 2 * Math.PI * (isOuter ? i : i - outer) / (isOuter ? outer : inner);
      x[2 * i] = radius * Math.cos(t) + noise * rng.nextGaussian();
      x[2 * i + 1] = radius * Math.sin(t) + noise * rng.nextGaussian();
      label[i] = isOuter ? 0 : 1;
    }
    return shuffled(x, label, rng);
  }

  /**
   * Samples of the sine function, a first regression problem: x uniform in [-pi, pi] and
   * y = sin(x), without noise.
   *
   * @param n the number of samples, at least 1
   * @param seed seeds the draws of x
   * @return inputs x shape [n, 1]; targets sin(x) shape [n, 1]
   * @throws IllegalArgumentException if {@code n} is below 1
   */
  public static Dataset sine(int n, long seed) {
    checkCount("Synthetic.sine", "n", n, 1);
    RandomGenerator rng = new MersenneTwister(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.PI * (2 * rng.nextDouble() - 1);
      y[i] = Math.sin(x[i]);
    }
    return new Dataset(Tensor.wrap(x, n, 1), Tensor.wrap(y, n, 1));
  }

  /** Points and labels in a Fisher-Yates order drawn from {@code rng}, one-hot over 2 classes. */
  private static Dataset shuffled(double[] points, int[] label, RandomGenerator rng) {
    int n = label.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    double[] x = new double[n * 2];
    double[] y = new double[n * 2];
    for (int i = 0; i < n; i++) {
      int from = order[i];
      x[2 * i] = points[2 * from];
      x[2 * i + 1] = points[2 * from + 1];
      y[2 * i + label[from]] = 1;
    }
    return new Dataset(Tensor.wrap(x, n, 2), Tensor.wrap(y, n, 2));
  }

  private static void checkCount(String where, String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          where + ": " + name + " must be at least " + min + ", got " + value);
    }
  }

  private static void checkNoise(String where, double noise) {
    if (!(noise >= 0 && Double.isFinite(noise))) {
      throw new IllegalArgumentException(
          where + ": noise is a standard deviation and must be finite and at least 0, got "
              + noise);
    }
  }
}
