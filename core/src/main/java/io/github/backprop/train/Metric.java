package io.github.backprop.train;

import io.github.backprop.tensor.Tensor;

/**
 * A number that says how good a network's outputs are, computed on a whole data set: the
 * {@link Trainer} evaluates each one on its validation set after every epoch, and
 * {@link EarlyStopping} can watch it.
 */
public interface Metric {
  /** The name it is reported under, such as {@code "accuracy"}. */
  String name();

  /**
   * @param outputs the network's outputs, shape [rows, outputs]
   * @param targets the targets, same shape
   */
  double value(Tensor outputs, Tensor targets);
}
