package io.github.backprop.internal;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * A {@link RandomGenerator} over Apache Commons Math's Mersenne Twister with an explicit seed, so
 * that every random draw in the toolkit is reproducible and the plug-in interfaces see only the
 * JDK's type.
 */
public final class SeededRandom implements RandomGenerator {
  private final MersenneTwister twister;

  public SeededRandom(long seed) {
    this.twister = new MersenneTwister(seed);
  }

  @Override
  public long nextLong() {
    return twister.nextLong();
  }

  @Override
  public int nextInt() {
    return twister.nextInt();
  }

  @Override
  public int nextInt(int bound) {
    return twister.nextInt(bound);
  }

  @Override
  public double nextDouble() {
    return twister.nextDouble();
  }

  @Override
  public double nextGaussian() {
    return twister.nextGaussian();
  }
}
