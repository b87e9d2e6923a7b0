package io.github.backprop.train;

import io.github.backprop.nn.Parameter;
import java.util.List;

/**
 * Updates parameters from their gradients, once per batch.
 *
 * <p>Call order: the trainer runs a backward pass, which leaves the gradient of the batch's mean
 * loss in each {@link Parameter#grad()}, then calls {@link #step} with every parameter of the
 * network, in the same order every time. An optimizer may keep state per parameter (moments,
 * step counts), so each training run gets a fresh instance from the registry.
 */
public interface Optimizer {
  /** The registered name, such as {@code "sgd"}. */
  String name();

  /** Updates each parameter's value in place from its gradient. */
  void step(List<Parameter> parameters);
}
