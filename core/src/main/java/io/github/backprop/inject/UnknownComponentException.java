package io.github.backprop.inject;

import java.util.List;

/** A name that no installed module registered; the message lists what is and the closest name. */
public class UnknownComponentException extends IllegalArgumentException {
  private final String kind;
  private final String name;
  private final List<String> knownNames;

  public UnknownComponentException(String kind, String name, List<String> knownNames,
      String message) {
    super(message);
    this.kind = kind;
    this.name = name;
    this.knownNames = List.copyOf(knownNames);
  }

  /** What was looked up: {@code activation}, {@code loss}, {@code optimizer}, ... */
  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The registered names, sorted. */
  public List<String> knownNames() {
    return knownNames;
  }
}
