package io.github.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Synthetic;
import io.github.backprop.examples.CustomActivation.Outcome;
import io.github.backprop.examples.CustomActivation.SwishBetaModule;
import io.github.backprop.gradcheck.GradientCheck;
import io.github.backprop.gradcheck.GradientCheckResult;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.Components;
import io.github.backprop.inject.CoreModule;
import io.github.backprop.inject.PluginDiscovery;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a user takes to add an activation, as the README shows it: one class, one module (or
 * a plug-in listed for discovery), then the activation by name in a network that trains, with
 * the gradient check accepting the right derivative and naming the activation with a wrong one.
 */
class CustomActivationTest {
  @Test
  void userModule_bindsSwishBetaBesideTheStockActivations() {
    Components components = Backprop.components(new SwishBetaModule());
    List<String> names = components.activations().names();
    assertTrue(names.contains("swish_beta") && names.contains("relu"), names.toString());
    Activation swish = components.activation("swish_beta", Map.of("beta", 2.0));
    assertEquals("swish_beta", swish.name());
    assertEquals(Map.of("beta", 2.0), swish.parameters());
  }

  @Test
  void swishBeta_byNameInANetwork_trainsAndTheLossFalls() {
    Components components = Backprop.components(new SwishBetaModule());
    Network network = components.network("1-8-1", "swish_beta", "identity", 11);
    Dataset sine = Synthetic.sine(32, 2);
    Trainer trainer = Trainer.builder()
        .loss(components.loss("squared_error"))
        .optimizer(components.optimizer("sgd", Map.of("learningRate", 0.1)))
        .epochs(300)
        .batchSize(8)
        .build();
    TrainingHistory history = trainer.fit(network, sine);
    double first = history.epochs().get(0).meanLoss();
    assertTrue(history.finalLoss() < first / 10, "loss " + first + " -> " + history.finalLoss());
  }

  @Test
  void gradientCheck_rightDerivative_passes() {
    Components components = Backprop.components(new SwishBetaModule());
    Network network = Network.builder(1)
        .dense(5, components.activation("swish_beta", Map.of("beta", 0.7)))
        .dense(1, components.activation("identity"))
        .seed(5)
        .build();
    Dataset few = Synthetic.sine(6, 4);
    GradientCheckResult result =
        GradientCheck.run(network, components.loss("squared_error"), few.inputs(), few.targets());
    assertTrue(result.passed(1e-7), result.toString());
  }

  @Test
  void gradientCheck_wrongDerivative_failsAndNamesTheActivation() {
    Components components = Backprop.components();
    Network network = Network.builder(1)
        .dense(5, new CustomActivation.BuggySwishBeta(0.7))
        .dense(1, components.activation("identity"))
        .seed(5)
        .build();
    Dataset few = Synthetic.sine(6, 4);
    GradientCheckResult result =
        GradientCheck.run(network, components.loss("squared_error"), few.inputs(), few.targets());
    assertFalse(result.passed(1e-3), result.toString());
    assertEquals("swish_beta_buggy", result.suspectActivation());
    assertTrue(result.toString().contains("activation \"swish_beta_buggy\""), result.toString());
  }

  @Test
  void swishBeta_badParameters_failWithTheActivationAndParameterNamed() {
    Components components = Backprop.components(new SwishBetaModule());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> components.activation("swish_beta", Map.of("beta", -1.0)));
    assertEquals("swish_beta: beta must be positive, got -1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> components.activation("swish_beta", Map.of("beeta", 1.0)));
    assertEquals("swish_beta: unknown parameter beeta; known parameters: beta. Did you mean beta "
        + "instead of beeta?", e.getMessage());
  }

  @Test
  void plugin_listedForDiscovery_isFoundWithoutNamingItsModule(@TempDir Path dir)
      throws Exception {
    Path services = dir.resolve("META-INF/services/io.github.backprop.inject.BackpropPlugin");
    Files.createDirectories(services.getParent());
    Files.writeString(services, CustomActivation.SwishBetaPlugin.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      List<Module> modules = new ArrayList<>(PluginDiscovery.modules(loader));
      assertTrue(modules.contains(new SwishBetaModule()), modules.toString());
      modules.add(new CoreModule());
      ComponentRegistry<Activation> activations = Guice.createInjector(modules)
          .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Activation>>() {}));
      assertEquals("swish_beta", activations.get("swish_beta").name());
    }
  }

  @Test
  void main_withFewEpochs_printsFallingLossAndBothChecks() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Outcome outcome =
        CustomActivation.run(200, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(outcome.history().finalLoss() < outcome.history().epochs().get(0).meanLoss() / 10,
        printed);
    assertTrue(outcome.check().passed(1e-6), printed);
    assertFalse(outcome.buggyCheck().passed(1e-6), printed);
    assertTrue(printed.contains("gradient check passed"), printed);
    assertTrue(printed.contains("activation \"swish_beta_buggy\""), printed);
  }
}
