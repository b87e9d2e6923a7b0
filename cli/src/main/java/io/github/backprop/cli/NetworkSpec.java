package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.inject.Components;
import io.github.backprop.internal.SeededRandom;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Dense;
import io.github.backprop.nn.Initializer;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The {@code network} section of a spec: the input width, the layers, and optionally the names
 * of the output classes. Reading it checks every shape; {@link #build} makes the network.
 *
 * @param inputs the width of an input row
 * @param layers in order from the input
 * @param classes the label of each output unit, or null when the spec gives none
 */
record NetworkSpec(int inputs, List<Layer> layers, List<String> classes) {
  private static final Set<String> FIELDS = JsonAt.names("inputs", "layers", "classes");
  private static final Set<String> LAYER_FIELDS = JsonAt.names("units", "activation", "init",
      "weights", "bias");

  /**
   * One dense layer.
   *
   * @param weights shape [units, fan-in], or null to draw from {@code init}
   * @param bias shape [units], or null to draw from {@code init}
   */
  record Layer(int units, Activation activation, Initializer init, Tensor weights, Tensor bias) {}

  NetworkSpec {
    layers = List.copyOf(layers);
    classes = classes == null ? null : List.copyOf(classes);
  }

  /** Reads and checks a {@code network} object. */
  static NetworkSpec read(JsonAt at, Components components) {
    at.requireObject(FIELDS);
    int inputs = at.get("inputs").require("give the width of an input row, as in \"inputs\": 2")
        .count(1);
    List<JsonAt> layerNodes = at.get("layers")
        .require("give the layers, as in \"layers\": [{\"units\": 2, \"activation\": "
            + "\"sigmoid\"}]").elements();
    if (layerNodes.isEmpty()) {
      throw at.get("layers").error("expected at least one layer, got none");
    }
    List<Layer> layers = new ArrayList<>();
    int fanIn = inputs;
    for (JsonAt layerAt : layerNodes) {
      Layer layer = readLayer(layerAt, fanIn, components);
      layers.add(layer);
      fanIn = layer.units();
    }
    List<String> classes = null;
    JsonAt classesAt = at.get("classes");
    if (classesAt.isPresent()) {
      classes = readClasses(classesAt, fanIn);
    }
    return new NetworkSpec(inputs, layers, classes);
  }

  private static Layer readLayer(JsonAt at, int fanIn, Components components) {
    at.requireObject(LAYER_FIELDS);
    int units = at.get("units").require("give the number of units, as in \"units\": 2").count(1);
    Activation activation = Named.read(at.get("activation")
        .require("give an activation, as in \"activation\": \"sigmoid\""))
        .resolve(components.activations());
    JsonAt initAt = at.get("init");
    Initializer init = initAt.isPresent()
        ? Named.read(initAt).resolve(components.initializers())
        : components.initializer(activation.defaultInitializer());
    Tensor weights = null;
    JsonAt weightsAt = at.get("weights");
    if (weightsAt.isPresent()) {
      weights = readWeights(weightsAt, units, fanIn);
    }
    Tensor bias = null;
    JsonAt biasAt = at.get("bias");
    if (biasAt.isPresent()) {
      bias = Tensor.vector(biasAt.numbers(units, " (one per unit)"));
    }
    return new Layer(units, activation, init, weights, bias);
  }

  /** units rows of fanIn numbers: row j holds the weights into unit j. */
  private static Tensor readWeights(JsonAt at, int units, int fanIn) {
    List<JsonAt> rows = at.elements();
    int[] lengths = new int[rows.size()];
    boolean uniform = true;
    for (int j = 0; j < rows.size(); j++) {
      lengths[j] = rows.get(j).elements().size();
      uniform &= lengths[j] == lengths[0];
    }
    if (rows.size() != units || !uniform || (units > 0 && lengths[0] != fanIn)) {
      if (uniform) {
        throw at.error("expected " + units + " rows of " + fanIn + ", got " + rows.size()
            + " rows of " + (rows.isEmpty() ? 0 : lengths[0]));
      }
      for (int j = 0; j < rows.size(); j++) {
        if (lengths[j] != fanIn) {
          throw rows.get(j).error("expected " + fanIn + " values (a weight from each input"
              + " of the layer), got " + lengths[j]);
        }
      }
      throw at.error("expected " + units + " rows of " + fanIn + ", got " + rows.size()
          + " rows");
    }
    Tensor w = Tensor.zeros(units, fanIn);
    for (int j = 0; j < units; j++) {
      System.arraycopy(rows.get(j).numbers(fanIn, ""), 0, w.data(), j * fanIn, fanIn);
    }
    return w;
  }

  private static List<String> readClasses(JsonAt at, int outputs) {
    List<JsonAt> items = at.elements();
    if (items.size() != outputs) {
      throw at.error("expected " + outputs + " class names (one per output unit), got "
          + items.size());
    }
    List<String> classes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonAt item : items) {
      String name = item.string();
      if (!seen.add(name)) {
        throw item.error("class \"" + name + "\" is listed twice");
      }
      classes.add(name);
    }
    return classes;
  }

  /** The output width. */
  int outputs() {
    return layers.get(layers.size() - 1).units();
  }

  /**
   * The network, with the given weights and biases and the absent ones drawn from each layer's
   * initializer. One generator seeded with {@code seed} serves every draw, made layer by layer,
   * the weights (row by row) before the bias, skipping what the spec gives; so a spec without
   * any weights gives the network {@code Network.builder(inputs).seed(seed)} builds from the
   * same initializers.
   */
  Network build(long seed) {
    RandomGenerator random = new SeededRandom(seed);
    Network.Builder builder = Network.builder(inputs);
    int fanIn = inputs;
    for (Layer layer : layers) {
      Tensor w = layer.weights();
      if (w == null) {
        w = Tensor.zeros(layer.units(), fanIn);
        layer.init().initialize(w, fanIn, layer.units(), random);
      }
      Tensor b = layer.bias();
      if (b == null) {
        b = Tensor.zeros(layer.units());
        layer.init().initialize(b, fanIn, layer.units(), random);
      }
      builder.dense(layer.activation(), w, b);
      fanIn = layer.units();
    }
    return builder.build();
  }

  /**
   * The first way in which {@code other}'s architecture (inputs, units, activations) differs
   * from this one's, or null if they are the same.
   */
  String difference(NetworkSpec other) {
    if (inputs != other.inputs) {
      return "inputs is " + other.inputs + " there, " + inputs + " here";
    }
    if (layers.size() != other.layers.size()) {
      return "it has " + other.layers.size() + " layers, this spec " + layers.size();
    }
    for (int l = 0; l < layers.size(); l++) {
      Layer mine = layers.get(l);
      Layer theirs = other.layers.get(l);
      if (mine.units() != theirs.units()) {
        return "layers[" + l + "] has " + theirs.units() + " units there, " + mine.units()
            + " here";
      }
      if (!describe(mine.activation()).equals(describe(theirs.activation()))) {
        return "layers[" + l + "] has activation " + describe(theirs.activation()) + " there, "
            + describe(mine.activation()) + " here";
      }
    }
    return null;
  }

  private static String describe(Activation a) {
    return Objects.toString(Named.toJson(a.name(), a.parameters()));
  }

  /**
   * The network as a spec writes it: inputs, every layer's units, activation (with its
   * parameters), weights and bias, and the classes if known.
   */
  static ObjectNode toJson(Network network, List<String> classes) {
    ObjectNode out = Json.object();
    out.put("inputs", network.inputs());
    ArrayNode layers = out.putArray("layers");
    for (Dense dense : network.layers()) {
      ObjectNode layer = layers.addObject();
      layer.put("units", dense.units());
      layer.set("activation",
          Named.toJson(dense.activation().name(), dense.activation().parameters()));
      layer.set("weights", Json.array(dense.weights().value()));
      layer.set("bias", Json.array(dense.bias().value()));
    }
    if (classes != null) {
      ArrayNode names = out.putArray("classes");
      classes.forEach(names::add);
    }
    return out;
  }
}
