package io.github.backprop.nn;

import io.github.backprop.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Fills a new weight or bias tensor with starting values.
 *
 * <p>Random draws come only from the generator passed in, which the network seeds, so the same
 * seed gives the same network.
 */
public interface Initializer {
  /** The registered name, such as {@code "xavier_uniform"}. */
  String name();

  /**
   * Overwrites every element of {@code values}.
   *
   * @param fanIn the number of inputs of each unit
   * @param fanOut the number of units
   */
  void initialize(Tensor values, int fanIn, int fanOut, RandomGenerator random);
}
