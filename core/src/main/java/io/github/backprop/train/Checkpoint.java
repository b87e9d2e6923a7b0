package io.github.backprop.train;

import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to resume training after an epoch: the epoch number, every parameter's
 * values by name, and the optimizer's state.
 *
 * <pre>{@code
 * Checkpoint c = CheckpointFile.read(path);
 * c.restoreInto(network, optimizer);                 // a freshly built network and optimizer
 * Trainer.builder()...epochs(total).initialEpoch(c.epoch()).build().fit(network, data);
 * }</pre>
 *
 * <p>Immutable: tensors are copied in and out. Saved and read as text by {@link CheckpointFile},
 * or written in any other format by a {@link CheckpointWriter}.
 */
public final class Checkpoint {
  private final int epoch;
  private final Map<String, Tensor> parameters;
  private final OptimizerState optimizerState;

  /**
   * @param epoch epochs completed, at least 0
   * @param parameters values by parameter name, in the network's order
   */
  public Checkpoint(int epoch, Map<String, Tensor> parameters, OptimizerState optimizerState) {
    if (epoch < 0) {
      throw new IllegalArgumentException("checkpoint: epoch must be at least 0, got " + epoch);
    }
    this.epoch = epoch;
    Map<String, Tensor> copy = new LinkedHashMap<>();
    parameters.forEach((name, value) -> copy.put(name, value.copy()));
    this.parameters = Collections.unmodifiableMap(copy);
    this.optimizerState = Objects.requireNonNull(optimizerState, "optimizerState");
  }

  /** A snapshot of the network's weights and the optimizer's state after {@code epoch}. */
  public static Checkpoint of(int epoch, Network network, Optimizer optimizer) {
    Map<String, Tensor> values = new LinkedHashMap<>();
    for (Parameter p : network.parameters()) {
      values.put(p.name(), p.value());
    }
    return new Checkpoint(epoch, values, optimizer.state());
  }

  /** Epochs completed when it was taken: resume with {@code initialEpoch(epoch())}. */
  public int epoch() {
    return epoch;
  }

  /** The parameter names, in the network's order. */
  public List<String> parameterNames() {
    return new ArrayList<>(parameters.keySet());
  }

  /**
   * A copy of one parameter's values.
   *
   * @throws IllegalArgumentException if there is no such parameter
   */
  public Tensor parameter(String name) {
    Tensor t = parameters.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "checkpoint: no parameter " + name + "; it has " + parameters.keySet());
    }
    return t.copy();
  }

  public OptimizerState optimizerState() {
    return optimizerState;
  }

  /**
   * Overwrites the network's parameters with the saved values and restores the optimizer's
   * state. Everything is checked before anything is written.
   *
   * @throws IllegalArgumentException if the parameter names differ from the network's
   * @throws ShapeMismatchException if a saved tensor's shape differs from the parameter's
   * @throws IllegalArgumentException if the optimizer state has arrays for a parameter the
   *     network lacks, or an array whose length is not its parameter's number of elements
   * @throws IllegalArgumentException from {@link Optimizer#restore} if the state does not fit
   */
  public void restoreInto(Network network, Optimizer optimizer) {
    List<Parameter> targets = network.parameters();
    List<String> names = new ArrayList<>();
    for (Parameter p : targets) {
      names.add(p.name());
    }
    if (!names.equals(parameterNames())) {
      throw new IllegalArgumentException(
          "checkpoint: it holds parameters " + parameterNames() + " but the network has "
              + names + "; was it saved from a network of another shape?");
    }
    for (Parameter p : targets) {
      Tensor saved = parameters.get(p.name());
      if (!saved.shape().equals(p.value().shape())) {
        throw new ShapeMismatchException(
            "checkpoint: parameter " + p.name() + " was saved with shape " + saved.shape()
                + " but the network's has shape " + p.value().shape(),
            p.value().shape().toString(), saved.shape().toString());
      }
    }
    checkOptimizerArrays(targets);
    optimizer.restore(optimizerState);
    for (Parameter p : targets) {
      p.value().copyFromInPlace(parameters.get(p.name()));
    }
  }

  /**
   * Checks what {@link OptimizerState} promises of every array: it belongs to a parameter and has
   * one value per element. Optimizers match the arrays to parameters only at their first step,
   * so without this a damaged checkpoint would be accepted here and fail inside training.
   */
  private void checkOptimizerArrays(List<Parameter> targets) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (Parameter p : targets) {
      sizes.put(p.name(), p.value().size());
    }
    for (String parameter : optimizerState.parameterNames()) {
      Integer size = sizes.get(parameter);
      if (size == null) {
        throw new IllegalArgumentException(
            "checkpoint: optimizer state has arrays for " + parameter + ", which is not among"
                + " the network's parameters " + sizes.keySet());
      }
      for (String slot : optimizerState.slotNames(parameter)) {
        int length = optimizerState.array(parameter, slot).length;
        if (length != size) {
          throw new IllegalArgumentException(
              "checkpoint: optimizer state array " + slot + " of " + parameter + " has " + length
                  + " values, but the parameter has " + size);
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && epoch == c.epoch && parameters.equals(c.parameters)
        && optimizerState.equals(c.optimizerState);
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, parameters, optimizerState);
  }

  @Override
  public String toString() {
    return "Checkpoint[epoch " + epoch + ", parameters " + parameters.keySet() + ", "
        + optimizerState + "]";
  }
}
