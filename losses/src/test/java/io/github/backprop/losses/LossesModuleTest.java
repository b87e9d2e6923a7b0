package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.CoreModule;
import io.github.backprop.inject.PluginDiscovery;
import io.github.backprop.inject.UnknownComponentException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossesModuleTest {
  static final List<String> STOCK = List.of("binary_cross_entropy", "cross_entropy", "hinge",
      "huber", "kl_divergence", "log_cosh", "mae", "mse", "poisson_nll", "smooth_l1",
      "squared_error", "squared_hinge");

  private final ComponentRegistry<Loss> registry = registry();

  private static ComponentRegistry<Loss> registry() {
    return Guice.createInjector(Stage.PRODUCTION, new CoreModule(), new LossesModule())
        .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Loss>>() {}));
  }

  @Test
  void productionInjector_registersExactlyTheStockLosses() {
    assertEquals(STOCK, registry.names());
  }

  @Test
  void get_everyName_givesALossCallingItselfThatName() {
    for (String name : STOCK) {
      assertEquals(name, registry.get(name).name());
    }
  }

  @Test
  void discovery_findsTheLossesModule() {
    assertTrue(PluginDiscovery.modules().contains(new LossesModule()));
    assertEquals("huber", Backprop.components().loss("huber").name());
  }

  @Test
  void installedTwice_isHarmless() {
    ComponentRegistry<Loss> twice = Guice.createInjector(Stage.PRODUCTION, new CoreModule(),
        new LossesModule(), new LossesModule())
        .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Loss>>() {}));
    assertEquals(STOCK, twice.names());
  }

  @Test
  void get_unknownName_listsTheLossesAndSuggestsTheClosest() {
    UnknownComponentException e =
        assertThrows(UnknownComponentException.class, () -> registry.get("cross_entopy"));
    assertEquals("no loss named \"cross_entopy\". Known losses: " + String.join(", ", STOCK)
        + ". Did you mean \"cross_entropy\"? Losses come from installed Guice modules; if this is"
        + " a custom one, install its module or enable plug-in discovery.", e.getMessage());
  }

  @Test
  void get_unknownParameter_namesItAndTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("huber", Map.of("delt", 2.0)));
    assertEquals("huber: unknown parameter delt; known parameters: delta."
        + " Did you mean delta instead of delt?", e.getMessage());
  }

  @Test
  void get_parameterForALossWithoutParameters_saysItTakesNone() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("mse", Map.of("delta", 2.0)));
    assertEquals("mse: unknown parameter delta; it takes no parameters", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "huber, delta, 0, 'huber: parameter delta must be positive and finite, got 0.0'",
      "huber, delta, -1, 'huber: parameter delta must be positive and finite, got -1.0'",
      "smooth_l1, beta, -0.5, "
          + "'smooth_l1: parameter beta must be non-negative and finite, got -0.5'",
      "cross_entropy, labelSmoothing, 1.5, "
          + "'cross_entropy: parameter labelSmoothing must be in [0, 1], got 1.5'",
      "cross_entropy, labelSmoothing, -0.1, "
          + "'cross_entropy: parameter labelSmoothing must be in [0, 1], got -0.1'"})
  void get_invalidParameterValue_throwsNamingLossParameterAndValue(String name, String key,
      double value, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get(name, Map.of(key, value)));
    assertEquals(message, e.getMessage());
  }

  @Test
  void get_parameterOfTheWrongType_throwsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("cross_entropy", Map.of("labelSmoothing", "high")));
    assertEquals("cross_entropy: parameter labelSmoothing must be a number, got \"high\"",
        e.getMessage());
  }

  @Test
  void get_withParameters_behavesAsTheFactoryWithThem() {
    Tensor a = Tensor.of(RegressionData.outputs());
    Tensor y = Tensor.of(RegressionData.targets());
    assertEquals(Losses.huber(0.3).value(a, y),
        registry.get("huber", Map.of("delta", 0.3)).value(a, y));
    assertEquals(Losses.smoothL1(2).value(a, y),
        registry.get("smooth_l1", Map.of("beta", 2)).value(a, y));
    assertEquals(Map.of("labelSmoothing", 0.1),
        registry.get("cross_entropy", Map.of("labelSmoothing", 0.1)).parameters());
  }

  @Test
  void get_withoutParameters_usesTheDocumentedDefaults() {
    assertEquals(Map.of("delta", 1.0), registry.get("huber").parameters());
    assertEquals(Map.of("beta", 1.0), registry.get("smooth_l1").parameters());
    assertEquals(Map.of("labelSmoothing", 0.0), registry.get("cross_entropy").parameters());
  }
}
