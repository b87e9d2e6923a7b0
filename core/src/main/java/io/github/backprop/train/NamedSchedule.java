package io.github.backprop.train;

/** A {@link LearningRateSchedule} with a readable {@code toString}, for logs and messages. */
final class NamedSchedule implements LearningRateSchedule {
  private final String description;
  private final LearningRateSchedule rule;

  NamedSchedule(String description, LearningRateSchedule rule) {
    this.description = description;
    this.rule = rule;
  }

  @Override
  public double learningRate(int epoch, double base) {
    return rule.learningRate(epoch, base);
  }

  @Override
  public String toString() {
    return description;
  }
}
