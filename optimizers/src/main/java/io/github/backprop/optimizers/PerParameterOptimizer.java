package io.github.backprop.optimizers;

import io.github.backprop.kernels.WorkerPool;
import io.github.backprop.nn.Parameter;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the stock optimizers: a learning rate, a step count, and per parameter a few arrays
 * ("slots", named as in torch's {@code state_dict}: {@code exp_avg}, ...) the size of the
 * parameter, updated element by element.
 *
 * <p>The slots are allocated on the first {@link #step}, which also fixes the parameters this
 * optimizer serves: later steps must pass the same {@link Parameter} objects in the same order.
 * A state given to {@link #restore} before that first step is matched to the parameters by name
 * when they arrive.
 */
abstract class PerParameterOptimizer implements Optimizer {
  private static final String STEP = "step";
  /** Parameters smaller than this are updated on the calling thread: a hand-off costs more. */
  private static final int PARALLEL_SIZE = 1 << 14;

  private final String name;
  private final String[] slotNames;
  private final double initialLearningRate;
  private double learningRate;
  private long step;
  private Parameter[] bound;
  /** [parameter][slot][element]. */
  private double[][][] slots;
  private OptimizerState pending;
  private final Ranges ranges = new Ranges();

  PerParameterOptimizer(String name, double learningRate, String... slotNames) {
    this.name = name;
    this.initialLearningRate = Checks.learningRate(name, learningRate);
    this.learningRate = initialLearningRate;
    this.slotNames = slotNames.clone();
  }

  /**
   * Updates elements {@code from} to {@code to} (exclusive) of one parameter: w and g are its
   * values and gradient, s its slots in the order given to the constructor, t the 1-based
   * number of this step. Each element's update must depend on that element alone (and on
   * scalars set in {@link #beginStep}): ranges of one parameter run concurrently.
   */
  abstract void update(double[] w, double[] g, double[][] s, long t, int from, int to);

  /** Called once per step before the parameters are updated; t is 1-based. */
  void beginStep(long t) {}

  /** The value a slot starts at; 0 unless overridden (adagrad's initialAccumulatorValue). */
  double initialValue(int slot) {
    return 0.0;
  }

  /** Adds scalars beyond the step count to an exported state. */
  void exportScalars(OptimizerState.Builder state) {}

  /**
   * Reads the scalars {@link #exportScalars} wrote, for a state of {@code step} steps; throws
   * before changing anything if one is missing.
   */
  void restoreScalars(OptimizerState state, long step) {}

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          name + ": learningRate must be at least 0 and finite, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  /** The learning rate this optimizer was made with, whatever a schedule has set since. */
  final double initialLearningRate() {
    return initialLearningRate;
  }

  @Override
  public final void step(List<Parameter> parameters) {
    step(parameters, null);
  }

  /**
   * Cuts each large parameter into one range of elements per thread. Every element's update is
   * independent of the others, so the result is the same as {@link #step(List)}'s, bit for bit.
   */
  @Override
  public final void step(List<Parameter> parameters, WorkerPool workers) {
    bind(parameters);
    step++;
    beginStep(step);
    for (int p = 0; p < bound.length; p++) {
      int size = bound[p].value().size();
      ranges.parameter = p;
      WorkerPool.parallelForIfLarge(workers, size, size >= PARALLEL_SIZE, ranges);
    }
  }

  /** The loop body of a step: one range of the current parameter. Reused. */
  private final class Ranges implements WorkerPool.RangeTask {
    int parameter;

    @Override
    public void run(int from, int to) {
      update(bound[parameter].value().data(), bound[parameter].grad().data(), slots[parameter],
          step, from, to);
    }
  }

  private void bind(List<Parameter> parameters) {
    int n = parameters.size();
    if (bound == null) {
      bound = parameters.toArray(new Parameter[0]);
      slots = new double[n][slotNames.length][];
      for (int p = 0; p < n; p++) {
        int size = bound[p].value().size();
        for (int s = 0; s < slotNames.length; s++) {
          slots[p][s] = new double[size];
          double initial = initialValue(s);
          if (initial != 0) {
            Arrays.fill(slots[p][s], initial);
          }
        }
      }
      if (pending != null) {
        try {
          apply(pending);
        } catch (IllegalArgumentException e) {
          bound = null;
          slots = null;
          throw e;
        }
        pending = null;
      }
      return;
    }
    if (n != bound.length) {
      throw changed(bound.length + " parameters before, " + n + " now");
    }
    for (int p = 0; p < n; p++) {
      if (parameters.get(p) != bound[p]) {
        throw changed("position " + p + " held " + bound[p].name() + " before, "
            + parameters.get(p).name() + " now");
      }
    }
  }

  private IllegalStateException changed(String detail) {
    return new IllegalStateException(
        name + ": step was called with other parameters than the first step (" + detail
            + "); an optimizer serves one network, so create a new one for another");
  }

  @Override
  public final OptimizerState state() {
    if (bound == null) {
      return pending != null ? pending : OptimizerState.builder(name).scalar(STEP, step).build();
    }
    OptimizerState.Builder state = OptimizerState.builder(name).scalar(STEP, step);
    exportScalars(state);
    for (int p = 0; p < bound.length; p++) {
      for (int s = 0; s < slotNames.length; s++) {
        state.array(bound[p].name(), slotNames[s], slots[p][s]);
      }
    }
    return state.build();
  }

  @Override
  public final void restore(OptimizerState state) {
    if (!state.optimizer().equals(name)) {
      throw new IllegalArgumentException(
          name + ": cannot restore a state saved by optimizer \"" + state.optimizer() + "\"");
    }
    OptimizerState.Builder exported = OptimizerState.builder(name).scalar(STEP, 0);
    exportScalars(exported);
    Set<String> kept = exported.build().scalars().keySet();
    List<String> unknown = new ArrayList<>(state.scalars().keySet());
    unknown.removeAll(kept);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(name + ": restored state has scalars "
          + state.scalars().keySet() + ", but this " + name + " keeps " + kept
          + " (saved by another version or with other settings?)");
    }
    double saved = state.scalar(STEP);
    if (!(saved >= 0) || saved != Math.rint(saved)) {
      throw new IllegalArgumentException(
          name + ": restored state has step " + saved + ", expected a whole number at least 0");
    }
    for (String parameter : state.parameterNames()) {
      List<String> missing = new ArrayList<>(List.of(slotNames));
      List<String> found = state.slotNames(parameter);
      missing.removeAll(found);
      List<String> extra = new ArrayList<>(found);
      extra.removeAll(List.of(slotNames));
      if (!missing.isEmpty() || !extra.isEmpty()) {
        throw new IllegalArgumentException(
            name + ": restored state for " + parameter + " has slots " + found + ", but this "
                + name + " keeps " + List.of(slotNames) + " (saved with other settings?)");
      }
    }
    if (bound == null) {
      pending = state;
    } else {
      apply(state);
    }
  }

  /** Copies a checked state into the bound slots, matching parameters by name. */
  private void apply(OptimizerState state) {
    long savedStep = (long) state.scalar(STEP);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int p = 0; p < bound.length; p++) {
      index.put(bound[p].name(), p);
    }
    List<String> saved = state.parameterNames();
    double[][][] values = new double[bound.length][][];
    for (String parameter : saved) {
      Integer p = index.get(parameter);
      if (p == null) {
        throw new IllegalArgumentException(
            name + ": restored state has arrays for " + parameter + ", which is not among the"
                + " parameters stepped: " + index.keySet());
      }
      values[p] = new double[slotNames.length][];
      for (int s = 0; s < slotNames.length; s++) {
        values[p][s] = state.array(parameter, slotNames[s]);
        if (values[p][s].length != slots[p][s].length) {
          throw new IllegalArgumentException(
              name + ": restored " + slotNames[s] + " of " + parameter + " has "
                  + values[p][s].length + " values, but the parameter has " + slots[p][s].length);
        }
      }
    }
    if (slotNames.length > 0 && savedStep > 0) {
      List<String> missing = new ArrayList<>(index.keySet());
      missing.removeAll(saved);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            name + ": restored state has no arrays for " + missing + "; it has them for " + saved);
      }
    }
    restoreScalars(state, savedStep);
    for (int p = 0; p < bound.length; p++) {
      if (values[p] != null) {
        for (int s = 0; s < slotNames.length; s++) {
          System.arraycopy(values[p][s], 0, slots[p][s], 0, values[p][s].length);
        }
      }
    }
    step = savedStep;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('[');
    parameters().forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
    sb.setLength(sb.length() - 2);
    return sb.append(']').toString();
  }
}
