package io.github.backprop.inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named settings a plug-in is created with, such as {@code {"alpha": 0.1}} for leaky_relu.
 *
 * <p>A factory reads what it knows with the typed getters, giving each default once; the registry
 * then rejects any key the factory never asked for, so a typo ({@code "alhpa"}) is an error that
 * lists the known keys, never a silently ignored setting. Numbers may be any {@link Number};
 * booleans and strings are their Java types.
 */
public final class Hyperparameters {
  private final String component;
  private final Map<String, Object> values;
  private final Set<String> asked = new TreeSet<>();

  private Hyperparameters(String component, Map<String, ?> values) {
    this.component = component;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The settings for the component named {@code component} (used in messages). */
  public static Hyperparameters of(String component, Map<String, ?> values) {
    return new Hyperparameters(component, values);
  }

  /** No settings at all. */
  public static Hyperparameters none(String component) {
    return new Hyperparameters(component, Map.of());
  }

  /** The component these settings are for, such as {@code leaky_relu}. */
  public String component() {
    return component;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  /** A number, or {@code defaultValue} when absent. */
  public double getDouble(String key, double defaultValue) {
    asked.add(key);
    return values.containsKey(key) ? number(key) : defaultValue;
  }

  /** A number that must be given. */
  public double requireDouble(String key) {
    asked.add(key);
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException(component + ": parameter " + key + " is required");
    }
    return number(key);
  }

  /** A whole number, or {@code defaultValue} when absent. */
  public int getInt(String key, int defaultValue) {
    asked.add(key);
    if (!values.containsKey(key)) {
      return defaultValue;
    }
    double d = number(key);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          component + ": parameter " + key + " must be a whole number, got " + values.get(key));
    }
    return (int) d;
  }

  /** A boolean, or {@code defaultValue} when absent. */
  public boolean getBoolean(String key, boolean defaultValue) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(
          component + ": parameter " + key + " must be true or false, got " + describe(v));
    }
    return b;
  }

  /** A string, or {@code defaultValue} when absent. */
  public String getString(String key, String defaultValue) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException(
          component + ": parameter " + key + " must be a string, got " + describe(v));
    }
    return s;
  }

  private double number(String key) {
    Object v = values.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException(
          component + ": parameter " + key + " must be a number, got " + describe(v));
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException(
          component + ": parameter " + key + " must be finite, got " + d);
    }
    return d;
  }

  private static String describe(Object v) {
    return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
  }

  /**
   * Throws if a key was given that the factory never asked for.
   *
   * @throws IllegalArgumentException naming the unknown keys and the known ones
   */
  void requireAllUsed() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(asked);
    if (!unknown.isEmpty()) {
      String known = asked.isEmpty() ? "it takes no parameters" : "known parameters: "
          + String.join(", ", asked);
      String hint = typoHint();
      throw new IllegalArgumentException(
          component + ": unknown parameter" + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown) + "; " + known + (hint == null ? "" : ". " + hint));
    }
  }

  /**
   * "Did you mean ...?" for a given key that the factory never asked for but that is close to one
   * it did ask for, or null. A misspelt required key first shows up as the missing one.
   */
  String typoHint() {
    for (String key : values.keySet()) {
      if (!asked.contains(key)) {
        String closest = ComponentRegistry.closest(key, List.copyOf(asked));
        if (closest != null) {
          return "Did you mean " + closest + " instead of " + key + "?";
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return component + values;
  }
}
