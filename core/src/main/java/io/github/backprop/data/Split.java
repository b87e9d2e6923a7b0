package io.github.backprop.data;

import java.util.Objects;

/**
 * A dataset divided into a part to train on and a part held out to measure the trained model.
 * Made by {@link Splits}.
 *
 * @param train the rows to train on
 * @param test the held-out rows
 */
public record Split(Dataset train, Dataset test) {

  /** @throws NullPointerException if either part is null */
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }
}
