package io.github.backprop.losses;

import io.github.backprop.train.Loss;

/** The stock losses, for code that does not look them up by name. */
public final class Losses {
  private Losses() {}

  /** {@code squared_error}: 1/2 sum_j (y_j - a_j)^2 per sample, mean over the batch. */
  public static Loss squaredError() {
    return new SquaredError();
  }
}
