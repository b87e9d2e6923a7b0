package io.github.backprop.inject;

import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Initializer;
import io.github.backprop.nn.Initializers;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Every plug-in by name, and networks described by name, such as "a 2-2-1 network with sigmoid
 * hidden units and identity output":
 *
 * <pre>{@code
 * Network net = components.network("2-2-1", "sigmoid", "identity", 7);
 * Optimizer sgd = components.optimizer("sgd", Map.of("learningRate", 0.5));
 * }</pre>
 */
public final class Components {
  private final ComponentRegistry<Activation> activations;
  private final ComponentRegistry<Loss> losses;
  private final ComponentRegistry<Optimizer> optimizers;
  private final ComponentRegistry<Initializer> initializers;

  @Inject
  Components(ComponentRegistry<Activation> activations, ComponentRegistry<Loss> losses,
      ComponentRegistry<Optimizer> optimizers, ComponentRegistry<Initializer> initializers) {
    this.activations = activations;
    this.losses = losses;
    this.optimizers = optimizers;
    this.initializers = initializers;
  }

  public ComponentRegistry<Activation> activations() {
    return activations;
  }

  public ComponentRegistry<Loss> losses() {
    return losses;
  }

  public ComponentRegistry<Optimizer> optimizers() {
    return optimizers;
  }

  public ComponentRegistry<Initializer> initializers() {
    return initializers;
  }

  public Activation activation(String name) {
    return activations.get(name);
  }

  public Activation activation(String name, Map<String, ?> parameters) {
    return activations.get(name, parameters);
  }

  public Loss loss(String name) {
    return losses.get(name);
  }

  public Loss loss(String name, Map<String, ?> parameters) {
    return losses.get(name, parameters);
  }

  /** A new optimizer with its default settings. */
  public Optimizer optimizer(String name) {
    return optimizers.get(name);
  }

  /** A new optimizer. */
  public Optimizer optimizer(String name, Map<String, ?> parameters) {
    return optimizers.get(name, parameters);
  }

  public Initializer initializer(String name) {
    return initializers.get(name);
  }

  public Initializer initializer(String name, Map<String, ?> parameters) {
    return initializers.get(name, parameters);
  }

  /**
   * A fully connected network from its layer widths and activation names: {@code
   * network("2-2-1", "sigmoid", "identity", 7)} is 2 inputs, a hidden layer of 2 sigmoid units
   * and 1 identity output unit. Weights come from each activation's default initializer, biases
   * start at zero, all drawn from {@code seed}.
   *
   * @param widths the input width then each layer's units, separated by '-'
   * @throws IllegalArgumentException if the widths do not parse, naming the part that does not
   * @throws UnknownComponentException if an activation name is not registered
   */
  public Network network(String widths, String hidden, String output, long seed) {
    String[] parts = widths.split("-", -1);
    if (parts.length < 2) {
      throw new IllegalArgumentException(
          "network \"" + widths + "\": expected widths like 2-2-1 (inputs, then each layer)");
    }
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        sizes[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "network \"" + widths + "\": part " + (i + 1) + " is \"" + parts[i]
                + "\", expected a whole number", e);
      }
    }
    Activation hiddenActivation = activation(hidden);
    Activation outputActivation = activation(output);
    Network.Builder builder = Network.builder(sizes[0]).seed(seed);
    for (int i = 1; i < sizes.length; i++) {
      Activation a = i == sizes.length - 1 ? outputActivation : hiddenActivation;
      builder.dense(sizes[i], a, initializer(a.defaultInitializer()), Initializers.zeros());
    }
    return builder.build();
  }
}
