package io.github.backprop.train;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients, once per batch.
 *
 * <p>Call order: the trainer runs a backward pass, which leaves the gradient of the batch's mean
 * loss in each {@link Parameter#grad()}, then calls {@link #step} with every parameter of the
 * network, in the same order every time. An optimizer may keep state per parameter (moments,
 * step counts), so each training run gets a fresh instance from the registry.
 *
 * <p>Everything past {@link #step} has a default, so a minimal optimizer is two methods. Those
 * that keep state override {@link #state()} and {@link #restore} so a saved run resumes exactly;
 * those with a learning rate override {@link #learningRate()} and {@link #setLearningRate} so a
 * {@link LearningRateSchedule} can drive it.
 */
public interface Optimizer {
  /** The registered name, such as {@code "sgd"}. */
  String name();

  /** Updates each parameter's value in place from its gradient. */
  void step(List<Parameter> parameters);

  /**
   * As {@link #step(List)}, free to spread its loops over {@code workers}; the result must be
   * bit-identical to {@link #step(List)}'s whatever the pool's size. The trainer calls this form
   * when the network has workers ({@link io.github.backprop.nn.Network#workers()}). The default
   * runs {@link #step(List)} on the calling thread.
   *
   * @param workers the network's threads
   */
  default void step(List<Parameter> parameters, WorkerPool workers) {
    step(parameters);
  }

  /** The learning rate the next {@link #step} uses, or NaN if this optimizer has none. */
  default double learningRate() {
    return Double.NaN;
  }

  /**
   * Sets the learning rate for the following steps (what a schedule does each epoch). Zero is
   * allowed here, since an annealed schedule may reach it.
   *
   * @throws IllegalArgumentException if the rate is negative or not finite
   * @throws UnsupportedOperationException if this optimizer has no learning rate (the default)
   */
  default void setLearningRate(double learningRate) {
    throw new UnsupportedOperationException(
        name() + ": this optimizer has no learning rate to set");
  }

  /**
   * A copy of what this optimizer remembers between steps. The default, for stateless
   * optimizers, is an empty state.
   */
  default OptimizerState state() {
    return OptimizerState.builder(name()).build();
  }

  /**
   * Continues from a state exported by {@link #state()} of an optimizer of the same name and
   * settings, typically right after creating this one and before its first step. Arrays are
   * matched to parameters by {@link Parameter#name()} when they are first stepped.
   *
   * @throws IllegalArgumentException if the state is for another optimizer or does not fit this
   *     one's settings; the default accepts only an empty state of the same name
   */
  default void restore(OptimizerState state) {
    if (!state.optimizer().equals(name())) {
      throw new IllegalArgumentException(
          name() + ": cannot restore a state saved by optimizer \"" + state.optimizer() + "\"");
    }
    if (!state.isEmpty()) {
      throw new IllegalArgumentException(
          name() + ": this optimizer keeps no state, but the given state holds "
              + state.describe());
    }
  }

  /** The hyperparameters this instance was made with, by their registered names. */
  default Map<String, Object> parameters() {
    return Map.of();
  }
}
