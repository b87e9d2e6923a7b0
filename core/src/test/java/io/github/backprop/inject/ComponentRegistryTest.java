package io.github.backprop.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Initializer;
import io.github.backprop.nn.Initializers;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentRegistryTest {
  private final ComponentFactory<Initializer> uniform =
      p -> Initializers.uniform(p.getDouble("low", 0), p.getDouble("high", 1));
  private final ComponentFactory<Initializer> zeros = p -> Initializers.zeros();
  private final ComponentRegistry<Initializer> registry = new ComponentRegistry<>("initializer",
      Map.of("uniform", uniform, "zeros", zeros), Initializer::name);

  @Test
  void get_withParameters_passesThemToTheFactory() {
    assertEquals("uniform[low=-2.0, high=3.0]",
        registry.get("uniform", Map.of("low", -2, "high", 3.0)).toString());
  }

  @Test
  void get_unknownParameter_listsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("uniform", Map.of("width", 3.0)));
    assertEquals("uniform: unknown parameter width; known parameters: high, low", e.getMessage());
  }

  @Test
  void get_misspeltParameter_suggestsTheKnownOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("uniform", Map.of("hihg", 3.0, "low", -1)));
    assertEquals("uniform: unknown parameter hihg; known parameters: high, low. Did you mean high "
        + "instead of hihg?", e.getMessage());
  }

  @Test
  void get_misspeltRequiredParameter_saysWhichKeyWasMeant() {
    ComponentRegistry<Initializer> constants = new ComponentRegistry<>("initializer",
        Map.of("constant", p -> Initializers.constant(p.requireDouble("value"))),
        Initializer::name);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> constants.get("constant", Map.of("valeu", 0.5)));
    assertEquals("constant: parameter value is required. Did you mean value instead of valeu?",
        e.getMessage());
  }

  @Test
  void get_parameterForPlainComponent_saysItTakesNone() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("zeros", Map.of("value", 1)));
    assertEquals("zeros: unknown parameter value; it takes no parameters", e.getMessage());
  }

  @Test
  void get_parameterOfWrongType_namesComponentParameterAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("uniform", Map.of("low", "minus one")));
    assertEquals("uniform: parameter low must be a number, got \"minus one\"", e.getMessage());
  }

  @Test
  void get_unknownName_kindEndingInS_isPluralisedWithEs() {
    ComponentRegistry<Initializer> losses = new ComponentRegistry<>("loss",
        Map.of("zeros", zeros), Initializer::name);
    UnknownComponentException e =
        assertThrows(UnknownComponentException.class, () -> losses.get("mse"));
    assertTrue(e.getMessage().contains("Known losses: zeros."), e.getMessage());
    assertTrue(e.getMessage().contains(" Losses come from installed Guice modules"),
        e.getMessage());
    assertEquals("losses[zeros]", losses.toString());
  }

  @Test
  void get_keyDifferentFromComponentName_isReported() {
    ComponentRegistry<Initializer> bad = new ComponentRegistry<>("initializer",
        Map.of("xavier", p -> Initializers.xavierUniform()), Initializer::name);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> bad.get("xavier"));
    assertTrue(e.getMessage().contains("\"xavier\" calls itself \"xavier_uniform\""));
  }

  @Test
  void closest_findsTyposAndSwaps_butNotUnrelatedNames() {
    var known = java.util.List.of("relu", "sigmoid", "softmax", "tanh");
    assertEquals("relu", ComponentRegistry.closest("rleu", known));
    assertEquals("softmax", ComponentRegistry.closest("softmx", known));
    assertEquals("tanh", ComponentRegistry.closest("TANH", known));
    assertEquals(null, ComponentRegistry.closest("convolution", known));
  }

  @Test
  void hyperparameters_typedGetters_validateTypes() {
    Hyperparameters p = Hyperparameters.of("adam",
        Map.of("amsgrad", true, "steps", 3.0, "mode", "x", "bad", Double.NaN));
    assertEquals(true, p.getBoolean("amsgrad", false));
    assertEquals(3, p.getInt("steps", 0));
    assertEquals("x", p.getString("mode", "y"));
    assertEquals(0.5, p.getDouble("absent", 0.5));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> p.getDouble("bad", 0));
    assertEquals("adam: parameter bad must be finite, got NaN", nan.getMessage());
    IllegalArgumentException notBool = assertThrows(IllegalArgumentException.class,
        () -> p.getBoolean("mode", false));
    assertEquals("adam: parameter mode must be true or false, got \"x\"", notBool.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Hyperparameters.none("sgd").requireDouble("learningRate"));
    assertEquals("sgd: parameter learningRate is required", missing.getMessage());
  }
}
