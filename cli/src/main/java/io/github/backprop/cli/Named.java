package io.github.backprop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.inject.ComponentRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plug-in as a spec names it: {@code "sigmoid"}, or {@code {"name": "leaky_relu", "alpha":
 * 0.1}} with the parameters beside the name.
 *
 * @param at where it was written
 * @param name the registered name
 * @param parameters the other fields of the object form, as numbers, strings and booleans
 */
record Named(JsonAt at, String name, Map<String, Object> parameters) {

  /** Reads either form. */
  static Named read(JsonAt at) {
    JsonNode node = at.node();
    if (node != null && node.isTextual()) {
      return new Named(at, node.textValue(), Map.of());
    }
    if (node == null || !node.isObject()) {
      throw at.error("expected a name or an object with \"name\" and parameters, got "
          + JsonAt.describe(node));
    }
    String name = at.get("name").require("give the registered name, as in {\"name\": \"sgd\", "
        + "\"learningRate\": 0.1}").string();
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonAt> field : at.fields().entrySet()) {
      if (!field.getKey().equals("name")) {
        parameters.put(field.getKey(), value(field.getValue()));
      }
    }
    return new Named(at, name, parameters);
  }

  private static Object value(JsonAt at) {
    JsonNode n = at.node();
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    throw at.error("expected a number, a string or true/false as a parameter, got "
        + JsonAt.describe(n));
  }

  /**
   * The component from the registry.
   *
   * @throws BadInputException for an unknown name (listing the known ones) or a parameter the
   *     component rejects, naming this place in the spec
   */
  <T> T resolve(ComponentRegistry<T> registry) {
    try {
      return registry.get(name, parameters);
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /** The spec form of a component with these parameters: a name, or an object when it has any. */
  static JsonNode toJson(String name, Map<String, Object> parameters) {
    if (parameters.isEmpty()) {
      return Json.MAPPER.getNodeFactory().textNode(name);
    }
    ObjectNode out = Json.object();
    out.put("name", name);
    for (Map.Entry<String, Object> p : parameters.entrySet()) {
      out.set(p.getKey(), Json.MAPPER.valueToTree(p.getValue()));
    }
    return out;
  }
}
