package io.github.backprop.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The plug-ins of one kind by name, as the installed Guice modules registered them.
 *
 * <pre>{@code
 * Activation a = activations.get("leaky_relu", Map.of("alpha", 0.1));
 * }</pre>
 *
 * <p>Each {@code get} returns a new instance, so stateful plug-ins (optimizers) are never shared
 * between training runs. Errors name the kind, list the registered names and suggest the closest.
 */
public final class ComponentRegistry<T> {
  private final String kind;
  private final Map<String, ComponentFactory<T>> factories;
  private final Function<T, String> nameOf;

  /**
   * @param kind what the components are, for messages ({@code "activation"})
   * @param nameOf reads a component's own name, checked against the name it is registered under
   */
  public ComponentRegistry(String kind, Map<String, ComponentFactory<T>> factories,
      Function<T, String> nameOf) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.factories = new TreeMap<>(factories);
    this.nameOf = Objects.requireNonNull(nameOf, "nameOf");
  }

  public String kind() {
    return kind;
  }

  /** The registered names, sorted. */
  public List<String> names() {
    return new ArrayList<>(factories.keySet());
  }

  /** The component with its default settings. */
  public T get(String name) {
    return get(name, Map.of());
  }

  /**
   * The component configured by {@code parameters}.
   *
   * @throws UnknownComponentException if no module registered {@code name}
   * @throws IllegalArgumentException if a parameter is unknown, of the wrong type or out of range
   */
  public T get(String name, Map<String, ?> parameters) {
    ComponentFactory<T> factory = factories.get(name);
    if (factory == null) {
      throw unknown(name);
    }
    Hyperparameters settings = Hyperparameters.of(name, parameters);
    T component;
    try {
      component = factory.create(settings);
    } catch (IllegalArgumentException e) {
      String hint = settings.typoHint();
      if (hint == null) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + ". " + hint, e);
    }
    settings.requireAllUsed();
    String own = nameOf.apply(component);
    if (!name.equals(own)) {
      throw new IllegalStateException(
          kind + " registered as \"" + name + "\" calls itself \"" + own
              + "\"; the registry key and name() must match");
    }
    return component;
  }

  /** The component with its default settings, or empty if no module registered the name. */
  public Optional<T> find(String name) {
    return factories.containsKey(name) ? Optional.of(get(name)) : Optional.empty();
  }

  private UnknownComponentException unknown(String name) {
    List<String> known = names();
    StringBuilder message = new StringBuilder("no ").append(kind).append(" named \"")
        .append(name).append("\". Known ").append(plural(kind)).append(": ")
        .append(known.isEmpty() ? "(none installed)" : String.join(", ", known)).append('.');
    String closest = closest(name, known);
    if (closest != null) {
      message.append(" Did you mean \"").append(closest).append("\"?");
    }
    message.append(' ').append(capitalized(plural(kind)))
        .append(" come from installed Guice modules; if this is a custom one, install its module"
            + " or enable plug-in discovery.");
    return new UnknownComponentException(kind, name, known, message.toString());
  }

  /** English plural of a kind: "losses", "activations". */
  private static String plural(String kind) {
    return kind.endsWith("s") ? kind + "es" : kind + "s";
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The known name nearest by edit distance, if it is near enough to be a plausible typo. */
  static String closest(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : known) {
      int d = editDistance(lower, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }

  /** Damerau-Levenshtein (optimal string alignment): a swap of two letters costs 1. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Override
  public String toString() {
    return plural(kind) + names();
  }
}
