package io.github.backprop.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an optimizer remembers between steps, as plain named numbers, so it can be saved next to
 * the weights and restored into a fresh optimizer that then continues bit for bit.
 *
 * <p>Two kinds of entries:
 * <ul>
 *   <li>scalars by name, such as {@code step} (the number of steps taken) or nadam's
 *       {@code mu_product};
 *   <li>arrays per parameter (keyed by {@link io.github.backprop.nn.Parameter#name()}, such as
 *       {@code layers[0].weights}) and slot, using torch's {@code state_dict} slot names:
 *       {@code exp_avg}, {@code exp_avg_sq}, {@code momentum_buffer}, ...; each array has one
 *       value per element of the parameter, in its row-major order.
 * </ul>
 *
 * <pre>{@code
 * {"optimizer": "adam", "scalars": {"step": 8},
 *  "arrays": {"layers[0].weights": {"exp_avg": [...], "exp_avg_sq": [...]}, ...}}
 * }</pre>
 *
 * <p>Immutable: arrays are copied in and out. Entries keep the order they were added in.
 */
public final class OptimizerState {
  private final String optimizer;
  private final Map<String, Double> scalars;
  private final Map<String, Map<String, double[]>> arrays;

  private OptimizerState(Builder b) {
    this.optimizer = b.optimizer;
    this.scalars = Collections.unmodifiableMap(new LinkedHashMap<>(b.scalars));
    Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
    b.arrays.forEach((parameter, slots) ->
        copy.put(parameter, Collections.unmodifiableMap(new LinkedHashMap<>(slots))));
    this.arrays = Collections.unmodifiableMap(copy);
  }

  /** Starts a state for the optimizer registered as {@code optimizer}. */
  public static Builder builder(String optimizer) {
    return new Builder(optimizer);
  }

  /** The registered name of the optimizer that exported this state. */
  public String optimizer() {
    return optimizer;
  }

  /** The scalars, in the order they were added. */
  public Map<String, Double> scalars() {
    return scalars;
  }

  /**
   * One scalar.
   *
   * @throws IllegalArgumentException naming the scalars there are, if this one is absent
   */
  public double scalar(String name) {
    Double value = scalars.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          optimizer + " state: no scalar \"" + name + "\"; it has " + scalars.keySet());
    }
    return value;
  }

  /** The names of the parameters that have arrays, in the order they were added. */
  public List<String> parameterNames() {
    return List.copyOf(arrays.keySet());
  }

  /** The slot names one parameter has arrays for, or an empty list. */
  public List<String> slotNames(String parameter) {
    Map<String, double[]> slots = arrays.get(parameter);
    return slots == null ? List.of() : List.copyOf(slots.keySet());
  }

  /**
   * A copy of one array.
   *
   * @throws IllegalArgumentException if there is no such parameter or slot, naming what exists
   */
  public double[] array(String parameter, String slot) {
    Map<String, double[]> slots = arrays.get(parameter);
    if (slots == null) {
      throw new IllegalArgumentException(
          optimizer + " state: no arrays for parameter " + parameter + "; it has them for "
              + arrays.keySet());
    }
    double[] values = slots.get(slot);
    if (values == null) {
      throw new IllegalArgumentException(
          optimizer + " state: parameter " + parameter + " has no " + slot + " array; it has "
              + slots.keySet());
    }
    return values.clone();
  }

  /** A deep copy of every array: parameter name to slot name to values. */
  public Map<String, Map<String, double[]>> arrays() {
    Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
    arrays.forEach((parameter, slots) -> {
      Map<String, double[]> slotCopy = new LinkedHashMap<>();
      slots.forEach((slot, values) -> slotCopy.put(slot, values.clone()));
      copy.put(parameter, slotCopy);
    });
    return copy;
  }

  /** True if there are no scalars and no arrays. */
  public boolean isEmpty() {
    return scalars.isEmpty() && arrays.isEmpty();
  }

  /** A short description of the contents, for messages: scalar names and array counts. */
  public String describe() {
    return "scalars " + scalars.keySet() + " and arrays for " + arrays.size() + " parameter"
        + (arrays.size() == 1 ? "" : "s");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OptimizerState other) || !optimizer.equals(other.optimizer)
        || !scalars.equals(other.scalars) || !arrays.keySet().equals(other.arrays.keySet())) {
      return false;
    }
    for (Map.Entry<String, Map<String, double[]>> e : arrays.entrySet()) {
      Map<String, double[]> mine = e.getValue();
      Map<String, double[]> theirs = other.arrays.get(e.getKey());
      if (!mine.keySet().equals(theirs.keySet())) {
        return false;
      }
      for (Map.Entry<String, double[]> slot : mine.entrySet()) {
        if (!Arrays.equals(slot.getValue(), theirs.get(slot.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(optimizer, scalars, arrays.keySet());
    for (Map<String, double[]> slots : arrays.values()) {
      for (double[] values : slots.values()) {
        h = 31 * h + Arrays.hashCode(values);
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "OptimizerState[" + optimizer + ", " + describe() + "]";
  }

  /** Collects entries; arrays are copied when added. */
  public static final class Builder {
    private final String optimizer;
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> arrays = new LinkedHashMap<>();

    private Builder(String optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /**
     * Adds a scalar.
     *
     * @throws IllegalArgumentException if the name was already added
     */
    public Builder scalar(String name, double value) {
      Objects.requireNonNull(name, "name");
      if (scalars.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException(optimizer + " state: scalar " + name + " added twice");
      }
      return this;
    }

    /**
     * Adds a copy of one parameter's array for one slot.
     *
     * @throws IllegalArgumentException if that parameter already has that slot
     */
    public Builder array(String parameter, String slot, double[] values) {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(slot, "slot");
      Map<String, double[]> slots = arrays.computeIfAbsent(parameter, k -> new LinkedHashMap<>());
      if (slots.putIfAbsent(slot, values.clone()) != null) {
        throw new IllegalArgumentException(
            optimizer + " state: " + slot + " of parameter " + parameter + " added twice");
      }
      return this;
    }

    public OptimizerState build() {
      return new OptimizerState(this);
    }
  }
}
