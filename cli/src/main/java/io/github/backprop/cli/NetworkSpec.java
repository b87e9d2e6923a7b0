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
 * of the output classes and of the input columns. Reading it checks every shape; {@link #build}
 * makes the network.
 *
 * @param inputs the width of an input row
 * @param layers in order from the input
 * @param classes the label of each output unit, or null when the spec gives none
 * @param inputColumns the CSV column each input reads, or null when the spec gives none
 */
record NetworkSpec(int inputs, List<Layer> layers, List<String> classes,
    List<String> inputColumns) {
  private static final Set<String> FIELDS =
      JsonAt.names("inputs", "layers", "classes", "inputColumns");
  /** The most elements a Java array, and so a layer's weight matrix, can hold. */
  private static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;
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
    inputColumns = inputColumns == null ? null : List.copyOf(inputColumns);
  }

  /** This network with the names of its input columns. */
  NetworkSpec withInputColumns(List<String> names) {
    return new NetworkSpec(inputs, layers, classes, names);
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
      classes = readNames(classesAt, fanIn, "class", "class names (one per output unit)");
    }
    List<String> inputColumns = null;
    JsonAt columnsAt = at.get("inputColumns");
    if (columnsAt.isPresent()) {
      inputColumns = readNames(columnsAt, inputs, "column", "column names (one per input)");
    }
    return new NetworkSpec(inputs, layers, classes, inputColumns);
  }

  private static Layer readLayer(JsonAt at, int fanIn, Components components) {
    at.requireObject(LAYER_FIELDS);
    JsonAt unitsAt = at.get("units").require("give the number of units, as in \"units\": 2");
    int units = unitsAt.count(1);
    if ((long) units * fanIn > MAX_WEIGHTS) {
      throw unitsAt.error("expected at most " + MAX_WEIGHTS / fanIn + " units for a fan-in of "
          + fanIn + " (the weights must fit in one array of " + MAX_WEIGHTS + "), got " + units);
    }
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

  /** {@code count} distinct names, each text that a model file can be written in. */
  private static List<String> readNames(JsonAt at, int count, String noun, String what) {
    List<JsonAt> items = at.elements();
    if (items.size() != count) {
      throw at.error("expected " + count + " " + what + ", got " + items.size());
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonAt item : items) {
      String name = item.string();
      if (!isWellFormed(name)) {
        throw item.error("expected text, got a string with a lone surrogate escape (\\ud800 to"
            + " \\udfff not in a pair), which no file can hold");
      }
      if (!seen.add(name)) {
        throw item.error(noun + " \"" + name + "\" is listed twice");
      }
      names.add(name);
    }
    return names;
  }

  /** Whether every surrogate in {@code s} is half of a pair: text UTF-8 can encode. */
  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The path of the first layer whose weights or bias the spec leaves to the initializer, or
   * null if every value is given: a trained model gives them all.
   */
  String firstUntrainedLayer() {
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      if (layer.weights() == null) {
        return "network.layers[" + l + "].weights";
      }
      if (layer.bias() == null) {
        return "network.layers[" + l + "].bias";
      }
    }
    return null;
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
   * parameters), weights and bias, and the classes and input columns if known.
   */
  static ObjectNode toJson(Network network, List<String> classes, List<String> inputColumns) {
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
    if (inputColumns != null) {
      ArrayNode names = out.putArray("inputColumns");
      inputColumns.forEach(names::add);
    }
    return out;
  }
}
