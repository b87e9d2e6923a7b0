package io.github.backprop.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The learning rate of each epoch, as a function of the epoch and the optimizer's initial rate.
 * Definitions are torch.optim.lr_scheduler's, in their closed forms.
 *
 * <p>Stepping: {@code epoch} is the number of epochs completed before the one being trained
 * (torch's {@code last_epoch}), so the first epoch uses {@code learningRate(0, base)}. This is
 * torch's usual loop, {@code for epoch: train(...); scheduler.step()}: the {@link Trainer} sets
 * the rate once at the start of each epoch, and every batch of that epoch uses it. Being a
 * function of the epoch alone, a schedule needs no state to resume.
 *
 * <pre>{@code
 * Trainer.builder()...schedule(LearningRateSchedule.warmUp(5, 0.1,
 *     LearningRateSchedule.cosineAnnealing(95, 0.0)))
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /**
   * @param epoch epochs completed before this one, from 0
   * @param base the optimizer's initial learning rate
   */
  double learningRate(int epoch, double base);

  /** Always {@code base} (torch: no scheduler). */
  static LearningRateSchedule constant() {
    return new NamedSchedule("constant", (epoch, base) -> base);
  }

  /**
   * torch's StepLR: {@code base * gamma^floor(epoch / stepSize)}.
   *
   * @throws IllegalArgumentException if stepSize &lt; 1 or gamma is not positive and finite
   */
  static LearningRateSchedule step(int stepSize, double gamma) {
    if (stepSize < 1) {
      throw new IllegalArgumentException(
          "step schedule: stepSize must be at least 1, got " + stepSize);
    }
    checkGamma("step", gamma);
    return new NamedSchedule("step(stepSize=" + stepSize + ", gamma=" + gamma + ")",
        (epoch, base) -> base * Math.pow(gamma, epoch / stepSize));
  }

  /**
   * torch's MultiStepLR: {@code base * gamma^k}, where k counts the milestones at or before
   * {@code epoch}.
   *
   * @throws IllegalArgumentException if there are no milestones, one is below 1, they are not
   *     strictly increasing, or gamma is not positive and finite
   */
  static LearningRateSchedule multiStep(int[] milestones, double gamma) {
    int[] m = milestones.clone();
    if (m.length == 0) {
      throw new IllegalArgumentException("multi-step schedule: give at least one milestone");
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i] < 1) {
        throw new IllegalArgumentException(
            "multi-step schedule: milestones[" + i + "] must be at least 1, got " + m[i]);
      }
      if (i > 0 && m[i] <= m[i - 1]) {
        throw new IllegalArgumentException(
            "multi-step schedule: milestones must be strictly increasing, but milestones[" + i
                + "] = " + m[i] + " follows " + m[i - 1] + " in " + Arrays.toString(m));
      }
    }
    checkGamma("multi-step", gamma);
    return new NamedSchedule(
        "multiStep(milestones=" + Arrays.toString(m) + ", gamma=" + gamma + ")",
        (epoch, base) -> {
          int passed = 0;
          while (passed < m.length && m[passed] <= epoch) {
            passed++;
          }
          return base * Math.pow(gamma, passed);
        });
  }

  /**
   * torch's ExponentialLR: {@code base * gamma^epoch}.
   *
   * @throws IllegalArgumentException if gamma is not positive and finite
   */
  static LearningRateSchedule exponential(double gamma) {
    checkGamma("exponential", gamma);
    return new NamedSchedule("exponential(gamma=" + gamma + ")",
        (epoch, base) -> base * Math.pow(gamma, epoch));
  }

  /**
   * torch's CosineAnnealingLR, closed form:
   * {@code minLearningRate + (base - minLearningRate) * (1 + cos(pi * epoch / tMax)) / 2}.
   * Past tMax the cosine continues (the rate climbs again), as in torch.
   *
   * @throws IllegalArgumentException if tMax &lt; 1 or minLearningRate is negative or not finite
   */
  static LearningRateSchedule cosineAnnealing(int tMax, double minLearningRate) {
    if (tMax < 1) {
      throw new IllegalArgumentException(
          "cosine annealing schedule: tMax must be at least 1, got " + tMax);
    }
    if (!(minLearningRate >= 0) || !Double.isFinite(minLearningRate)) {
      throw new IllegalArgumentException(
          "cosine annealing schedule: minLearningRate must be at least 0 and finite, got "
              + minLearningRate);
    }
    return new NamedSchedule(
        "cosineAnnealing(tMax=" + tMax + ", minLearningRate=" + minLearningRate + ")",
        (epoch, base) -> minLearningRate
            + (base - minLearningRate) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2);
  }

  /**
   * torch's LinearLR: the factor goes linearly from startFactor to endFactor over
   * {@code epochs} epochs and stays there:
   * {@code base * (startFactor + (endFactor - startFactor) * min(epoch, epochs) / epochs)}.
   *
   * @throws IllegalArgumentException unless 0 &lt; startFactor &lt;= 1, 0 &lt;= endFactor &lt;= 1
   *     and epochs &gt;= 1 (torch's ranges)
   */
  static LearningRateSchedule linear(double startFactor, double endFactor, int epochs) {
    if (!(startFactor > 0 && startFactor <= 1)) {
      throw new IllegalArgumentException(
          "linear schedule: startFactor must be in (0, 1], got " + startFactor);
    }
    if (!(endFactor >= 0 && endFactor <= 1)) {
      throw new IllegalArgumentException(
          "linear schedule: endFactor must be in [0, 1], got " + endFactor);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException(
          "linear schedule: epochs must be at least 1, got " + epochs);
    }
    return new NamedSchedule("linear(startFactor=" + startFactor + ", endFactor=" + endFactor
        + ", epochs=" + epochs + ")",
        (epoch, base) -> base
            * (startFactor + (endFactor - startFactor) * Math.min(epoch, epochs) / epochs));
  }

  /**
   * Linear warm-up from {@code startFactor * base} to {@code base} over {@code epochs} epochs,
   * then {@code after}, started afresh: torch's SequentialLR of LinearLR(startFactor, 1.0,
   * epochs) and {@code after} with the milestone {@code epochs}. Epoch {@code epochs} is the
   * first of {@code after}, at its epoch 0.
   *
   * @throws IllegalArgumentException as {@link #linear} does for startFactor and epochs
   */
  static LearningRateSchedule warmUp(int epochs, double startFactor, LearningRateSchedule after) {
    return linear(startFactor, 1.0, epochs).then(epochs, after);
  }

  /**
   * This schedule for the first {@code milestone} epochs, then {@code next} counted from 0 again
   * (torch's SequentialLR with one milestone).
   *
   * @throws IllegalArgumentException if milestone &lt; 1
   */
  default LearningRateSchedule then(int milestone, LearningRateSchedule next) {
    Objects.requireNonNull(next, "next");
    if (milestone < 1) {
      throw new IllegalArgumentException(
          "sequential schedule: milestone must be at least 1, got " + milestone);
    }
    LearningRateSchedule first = this;
    return new NamedSchedule(first + " for " + milestone + " epochs, then " + next,
        (epoch, base) -> epoch < milestone
            ? first.learningRate(epoch, base)
            : next.learningRate(epoch - milestone, base));
  }

  private static void checkGamma(String schedule, double gamma) {
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException(
          schedule + " schedule: gamma must be positive and finite, got " + gamma);
    }
  }
}
