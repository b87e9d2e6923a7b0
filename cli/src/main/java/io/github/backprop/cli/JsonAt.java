package io.github.backprop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop.internal.Excerpt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value in a JSON document together with its path ({@code network.layers[1].weights}), so that
 * every check can say where the problem is. The node is null when the field is absent.
 *
 * <p>The typed readers throw {@link BadInputException} with a message of the form
 * {@code source: path: expected ..., got ...}.
 */
final class JsonAt {
  private final String source;
  private final String path;
  private final JsonNode node;

  private JsonAt(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /** Field names in the order messages list them, unmodifiable. */
  static Set<String> names(String... names) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
  }

  /** The whole document read from {@code source} (a file name, for messages). */
  static JsonAt root(String source, JsonNode node) {
    return new JsonAt(source, "", node);
  }

  /** The JSON path, such as {@code network.layers[0].bias}; empty for the document itself. */
  String path() {
    return path;
  }

  /** The node, or null if absent. */
  JsonNode node() {
    return node;
  }

  boolean isPresent() {
    return node != null;
  }

  /** The field {@code name} of this object (absent if this is not an object or lacks it). */
  JsonAt get(String name) {
    JsonNode child = node != null && node.isObject() ? node.get(name) : null;
    String shown = Excerpt.of(name);
    return new JsonAt(source, path.isEmpty() ? shown : path + "." + shown, child);
  }

  /** Element {@code i} of this array. */
  JsonAt get(int i) {
    JsonNode child = node != null && node.isArray() ? node.get(i) : null;
    return new JsonAt(source, path + "[" + i + "]", child);
  }

  /** An error about this value: {@code source: path: what}. */
  BadInputException error(String what) {
    return new BadInputException(
        source + ": " + (path.isEmpty() ? "" : path + ": ") + what);
  }

  /** An error about this document whose message names its own place: {@code source: what}. */
  BadInputException fileError(String what) {
    return new BadInputException(source + ": " + what);
  }

  /** @throws BadInputException if absent, saying it is required and {@code why} */
  JsonAt require(String why) {
    if (node == null) {
      throw error("missing; " + why);
    }
    return this;
  }

  /**
   * Checks that this is an object whose fields are all among {@code known}.
   *
   * @throws BadInputException if it is not an object, or names the first unknown field and the
   *     known ones
   */
  JsonAt requireObject(Set<String> known) {
    if (node == null || !node.isObject()) {
      throw error("expected an object, got " + describe(node));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw get(name).error("unknown field; known fields here: " + String.join(", ", known));
      }
    }
    return this;
  }

  /** The fields of this object, in document order. */
  Map<String, JsonAt> fields() {
    Map<String, JsonAt> out = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(name -> out.put(name, get(name)));
    return out;
  }

  /** The elements of an array. */
  List<JsonAt> elements() {
    if (node == null || !node.isArray()) {
      throw error("expected an array, got " + describe(node));
    }
    List<JsonAt> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(get(i));
    }
    return out;
  }

  String string() {
    if (node == null || !node.isTextual()) {
      throw error("expected a string, got " + describe(node));
    }
    return node.textValue();
  }

  boolean bool() {
    if (node == null || !node.isBoolean()) {
      throw error("expected true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  /** A finite number (NaN and infinities, which 1e999 becomes, are rejected). */
  double number() {
    if (node == null || !node.isNumber()) {
      throw error("expected a number, got " + describe(node));
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw error("expected a finite number, got " + describe(node) + " (beyond the range of a"
          + " double)");
    }
    return value;
  }

  /** A whole number of at least {@code min}, as in {@code "epochs": 10}. */
  long wholeNumber(long min) {
    if (node == null || !node.isNumber()) {
      throw error("expected a whole number, got " + describe(node));
    }
    if (!node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue())) {
      throw error("expected a whole number, got " + describe(node));
    }
    if (!node.canConvertToLong()) {
      throw error("expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
          + ", got " + describe(node));
    }
    long value = node.asLong();
    if (value < min) {
      throw error("expected at least " + min + ", got " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min} that fits an int. */
  int count(int min) {
    long value = wholeNumber(min);
    if (value > Integer.MAX_VALUE) {
      throw error("expected at most " + Integer.MAX_VALUE + ", got " + value);
    }
    return (int) value;
  }

  /** An array of finite numbers; {@code expected} is its required length, or -1 for any. */
  double[] numbers(int expected, String expectedWhy) {
    List<JsonAt> items = elements();
    if (expected >= 0 && items.size() != expected) {
      throw error("expected " + expected + " values" + expectedWhy + ", got " + items.size());
    }
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = items.get(i).number();
    }
    return out;
  }

  /**
   * How a value reads in a message: a string quoted, a number as written, else its kind; a long
   * string or number cut to its start and its length.
   */
  static String describe(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    if (n.isTextual()) {
      return Excerpt.quoted(n.textValue(), '"');
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    return Excerpt.of(n.asText());
  }
}
