package io.github.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.CoreModule;
import io.github.backprop.inject.PluginDiscovery;
import io.github.backprop.inject.UnknownComponentException;
import io.github.backprop.nn.Activation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production injector with core and this module: the registry holds exactly the stock
 * names, each activation can be named again from its own parameters, and bad names and
 * settings fail with one message naming the activation and the parameter.
 */
class ActivationsModuleTest {
  private static final List<String> NAMES = List.of(
      "celu", "elu", "gelu", "hard_sigmoid", "hard_swish", "hard_tanh", "identity", "leaky_relu",
      "log_softmax", "mish", "relu", "selu", "sigmoid", "silu", "softmax", "softplus",
      "softsign", "step", "tanh");
  private static final List<String> HE = List.of(
      "celu", "elu", "gelu", "hard_swish", "leaky_relu", "mish", "relu", "silu", "softplus");

  private static ComponentRegistry<Activation> registry;

  @BeforeAll
  static void injector() {
    registry = Guice.createInjector(Stage.PRODUCTION, new CoreModule(), new ActivationsModule())
        .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Activation>>() {}));
  }

  @Test
  void registry_inProductionStage_holdsExactlyTheStockNames() {
    assertEquals(NAMES, registry.names());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "celu", "elu", "gelu", "hard_sigmoid", "hard_swish", "hard_tanh", "identity", "leaky_relu",
      "log_softmax", "mish", "relu", "selu", "sigmoid", "silu", "softmax", "softplus",
      "softsign", "step", "tanh"})
  void get_eachName_givesAnActivationThatCanBeNamedAgainFromItsParameters(String name) {
    Activation a = registry.get(name);
    assertEquals(name, a.name());
    Activation again = registry.get(a.name(), a.parameters());
    assertEquals(a.parameters(), again.parameters());
    assertEquals(HE.contains(name) ? "he_uniform" : "xavier_uniform", a.defaultInitializer(),
        name);
  }

  @Test
  void get_withParameters_reportsThemBackInParametersAndToString() {
    Activation leaky = registry.get("leaky_relu", Map.of("alpha", 0.2));
    assertEquals(Map.of("alpha", 0.2), leaky.parameters());
    assertEquals("leaky_relu[alpha=0.2]", leaky.toString());
    Activation softplus = registry.get("softplus", Map.of("beta", 2, "threshold", 10));
    assertEquals(List.of("beta", "threshold"), List.copyOf(softplus.parameters().keySet()));
    assertEquals("softplus[beta=2.0, threshold=10.0]", softplus.toString());
    assertEquals(Map.of("minValue", -2.0, "maxValue", 0.5),
        registry.get("hard_tanh", Map.of("minValue", -2, "maxValue", 0.5)).parameters());
    assertEquals(Map.of("approximate", "tanh"),
        registry.get("gelu", Map.of("approximate", "tanh")).parameters());
    assertEquals(Map.of("alpha", 1.0), registry.get("elu").parameters());
    assertEquals(Map.of(), registry.get("selu").parameters());
  }

  @Test
  void discovery_findsThisModuleThroughItsServiceFile() {
    assertTrue(PluginDiscovery.modules().contains(new ActivationsModule()));
  }

  @Nested
  class BadInput {
    @Test
    void get_unknownName_listsTheNamesAndTheClosest() {
      UnknownComponentException e =
          assertThrows(UnknownComponentException.class, () -> registry.get("rleu"));
      assertEquals("no activation named \"rleu\". Known activations: " + String.join(", ", NAMES)
          + ". Did you mean \"relu\"? Activations come from installed Guice modules; if this is"
          + " a custom one, install its module or enable plug-in discovery.", e.getMessage());
    }

    @Test
    void get_misspelledParameter_namesItAndTheKnownOne() {
      assertMessage("elu: unknown parameter alhpa; known parameters: alpha."
          + " Did you mean alpha instead of alhpa?", "elu", Map.of("alhpa", 0.5));
    }

    @Test
    void get_parameterForAParameterlessActivation_saysItTakesNone() {
      assertMessage("relu: unknown parameter alpha; it takes no parameters",
          "relu", Map.of("alpha", 0.1));
    }

    @Test
    void get_parameterOfTheWrongType_namesItAndTheValue() {
      assertMessage("leaky_relu: parameter alpha must be a number, got \"big\"",
          "leaky_relu", Map.of("alpha", "big"));
      assertMessage("gelu: parameter approximate must be a string, got 1",
          "gelu", Map.of("approximate", 1));
    }

    @Test
    void get_eluWithNegativeAlpha_namesActivationAndParameter() {
      assertMessage("elu: alpha must be positive and finite, got -1.0",
          "elu", Map.of("alpha", -1));
    }

    @Test
    void get_celuWithZeroAlpha_namesActivationAndParameter() {
      assertMessage("celu: alpha must be positive and finite, got 0.0",
          "celu", Map.of("alpha", 0));
    }

    @Test
    void get_leakyReluWithNegativeAlpha_isAllowedAsInTorch() {
      assertEquals(Map.of("alpha", -0.5),
          registry.get("leaky_relu", Map.of("alpha", -0.5)).parameters());
    }

    @Test
    void get_hardTanhWithMinNotBelowMax_namesBoth() {
      assertMessage("hard_tanh: minValue must be below maxValue, got minValue 1.0 and maxValue 1.0",
          "hard_tanh", Map.of("minValue", 1, "maxValue", 1));
      assertMessage("hard_tanh: minValue must be below maxValue, got minValue -1.0 and maxValue"
          + " -2.0", "hard_tanh", Map.of("maxValue", -2));
    }

    @Test
    void get_geluWithUnknownApproximation_namesTheChoices() {
      assertMessage("gelu: approximate must be \"none\" or \"tanh\", got \"exact\"",
          "gelu", Map.of("approximate", "exact"));
    }

    @Test
    void get_softplusWithNonPositiveBetaOrThreshold_namesTheParameter() {
      assertMessage("softplus: beta must be positive and finite, got 0.0",
          "softplus", Map.of("beta", 0));
      assertMessage("softplus: threshold must be positive and finite, got -1.0",
          "softplus", Map.of("threshold", -1));
    }

    @Test
    void factories_withNonFiniteValues_nameActivationAndParameter() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Activations.leakyRelu(Double.NaN));
      assertEquals("leaky_relu: alpha must be finite, got NaN", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> Activations.hardTanh(Double.NEGATIVE_INFINITY, 1));
      assertEquals("hard_tanh: minValue must be finite, got -Infinity", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> Activations.elu(Double.POSITIVE_INFINITY));
      assertEquals("elu: alpha must be positive and finite, got Infinity", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> Activations.gelu(null));
      assertEquals("gelu: approximate must be \"none\" or \"tanh\", got null", e.getMessage());
    }

    private void assertMessage(String expected, String name, Map<String, ?> parameters) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> registry.get(name, parameters));
      assertEquals(expected, e.getMessage());
    }
  }
}
