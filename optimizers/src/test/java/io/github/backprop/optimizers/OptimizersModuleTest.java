package io.github.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.CoreModule;
import io.github.backprop.inject.UnknownComponentException;
import io.github.backprop.train.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersModuleTest {
  private final ComponentRegistry<Optimizer> registry = Guice
      .createInjector(Stage.PRODUCTION, new CoreModule(), new OptimizersModule())
      .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Optimizer>>() {}));

  @Test
  void registry_listsEveryStockOptimizer() {
    assertEquals(List.of("adadelta", "adagrad", "adam", "adamax", "adamw", "nadam", "rmsprop",
        "sgd"), registry.names());
  }

  @Test
  void discovery_findsTheModuleThroughItsPlugin() {
    Injector injector = Backprop.injector();
    ComponentRegistry<Optimizer> found =
        injector.getInstance(Key.get(new TypeLiteral<ComponentRegistry<Optimizer>>() {}));
    assertEquals(registry.names(), found.names());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void get_withoutParameters_hasTorchsDefaults() {
    assertEquals(map("learningRate", 0.001, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8,
        "weightDecay", 0.0, "amsgrad", false), registry.get("adam").parameters());
    assertEquals(0.01, registry.get("adamw").parameters().get("weightDecay"));
    assertEquals(map("learningRate", 0.01, "alpha", 0.99, "epsilon", 1e-8, "weightDecay", 0.0,
        "momentum", 0.0, "centered", false), registry.get("rmsprop").parameters());
    assertEquals(map("learningRate", 0.01, "lrDecay", 0.0, "weightDecay", 0.0,
        "initialAccumulatorValue", 0.0, "epsilon", 1e-10), registry.get("adagrad").parameters());
    assertEquals(map("learningRate", 1.0, "rho", 0.9, "epsilon", 1e-6, "weightDecay", 0.0),
        registry.get("adadelta").parameters());
    assertEquals(0.002, registry.get("adamax").parameters().get("learningRate"));
    assertEquals(map("learningRate", 0.002, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8,
        "weightDecay", 0.0, "momentumDecay", 0.004), registry.get("nadam").parameters());
  }

  @Test
  void get_withParameters_configuresTheOptimizer() {
    Optimizer sgd = registry.get("sgd", Map.of("learningRate", 0.5, "momentum", 0.9,
        "nesterov", true));
    assertEquals(map("learningRate", 0.5, "momentum", 0.9, "dampening", 0.0, "nesterov", true,
        "weightDecay", 0.0), sgd.parameters());
    assertEquals(0.5, sgd.learningRate());
  }

  @Test
  void get_sgdWithoutLearningRate_saysItIsRequired() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("sgd"));
    assertEquals("sgd: parameter learningRate is required", e.getMessage());
  }

  @Test
  void get_unknownName_listsTheKnownOnesAndSuggestsOne() {
    UnknownComponentException e = assertThrows(UnknownComponentException.class,
        () -> registry.get("adma"));
    assertEquals("no optimizer named \"adma\". Known optimizers: adadelta, adagrad, adam, adamax,"
        + " adamw, nadam, rmsprop, sgd. Did you mean \"adam\"? Optimizers come from installed"
        + " Guice modules; if this is a custom one, install its module or enable plug-in"
        + " discovery.", e.getMessage());
  }

  @Test
  void get_unknownParameter_listsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.get("adam", Map.of("learningrate", 0.1)));
    assertEquals("adam: unknown parameter learningrate; known parameters: amsgrad, beta1, beta2,"
        + " epsilon, learningRate, weightDecay. Did you mean learningRate instead of learningrate?",
        e.getMessage());
  }

  @Test
  void get_outOfRangeValues_rejectedWithTheOptimizersMessage() {
    assertEquals("adam: beta1 must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class,
            () -> registry.get("adam", Map.of("beta1", 1.0))).getMessage());
    assertEquals("rmsprop: learningRate must be positive and finite, got 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> registry.get("rmsprop", Map.of("learningRate", 0))).getMessage());
    assertEquals("sgd: nesterov needs a momentum above 0 and a dampening of 0, got momentum 0.0"
            + " and dampening 0.0",
        assertThrows(IllegalArgumentException.class,
            () -> registry.get("sgd", Map.of("learningRate", 0.1, "nesterov", true)))
            .getMessage());
    assertEquals("nadam: epsilon must be at least 0 and finite, got -1.0",
        assertThrows(IllegalArgumentException.class,
            () -> registry.get("nadam", Map.of("epsilon", -1))).getMessage());
  }

  @Test
  void named_withoutGuice_appliesTheSameChecks() {
    assertEquals(0.3, Optimizers.named("adamax", Map.of("learningRate", 0.3)).learningRate());
    assertThrows(UnknownComponentException.class, () -> Optimizers.named("lbfgs", Map.of()));
  }

  @Test
  void get_eachCall_returnsAFreshInstance() {
    assertEquals(false, registry.get("adam") == registry.get("adam"));
  }
}
