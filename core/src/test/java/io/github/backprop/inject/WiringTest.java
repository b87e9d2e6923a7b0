package io.github.backprop.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.github.backprop.nn.Activation;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.ScalarActivation;
import io.github.backprop.testing.TestActivations;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {
  /** A user's own activation: one class... */
  static final class Cube extends ScalarActivation {
    @Override
    public String name() {
      return "cube";
    }

    @Override
    public double value(double z) {
      return z * z * z;
    }

    @Override
    public double derivative(double z, double a) {
      return 3 * z * z;
    }
  }

  /** ...and one binding. */
  static final class CubeModule extends AbstractModule {
    @Override
    protected void configure() {
      Plugins.activation(binder(), "cube", Cube.class);
    }
  }

  @Test
  void productionInjector_coreAlone_hasBuiltInInitializersAndEmptyPluginRegistries() {
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule());
    Components c = injector.getInstance(Components.class);
    assertEquals(List.of("constant", "he_normal", "he_uniform", "normal", "uniform",
        "xavier_normal", "xavier_uniform", "zeros"), c.initializers().names());
    assertEquals(List.of(), c.activations().names());
    assertEquals(List.of(), c.losses().names());
    assertEquals(List.of(), c.optimizers().names());
  }

  @Test
  void injector_discoversPluginsOnTheClassPath_andAddsTheCallersModules() {
    Components c = Backprop.components(new CubeModule());
    assertEquals(List.of("cube", "identity", "sigmoid"), c.activations().names());
    assertEquals("cube", c.activation("cube").name());
  }

  @Test
  void injector_moduleFoundByDiscoveryAndPassedExplicitly_isInstalledOnce() {
    Injector injector = Backprop.injector(new TestPlugin.TestPluginModule());
    ComponentRegistry<Activation> registry =
        injector.getInstance(Key.get(new TypeLiteral<ComponentRegistry<Activation>>() {}));
    assertEquals(List.of("identity", "sigmoid"), registry.names());
  }

  @Test
  void injector_sameNameBoundTwice_failsAtCreation() {
    AbstractModule duplicate = new AbstractModule() {
      @Override
      protected void configure() {
        Plugins.activation(binder(), "sigmoid", p -> TestActivations.tanh());
      }
    };
    CreationException e = assertThrows(CreationException.class, () -> Backprop.injector(duplicate));
    assertTrue(e.getMessage().contains("sigmoid"), e.getMessage());
  }

  @Test
  void network_byName_buildsTwoTwoOneWithTheNamedActivations() {
    Components c = Backprop.components();
    Network net = c.network("2-2-1", "sigmoid", "identity", 7);
    assertEquals("Network[2-2(sigmoid)-1(identity)]", net.toString());
    assertEquals(2, net.layers().get(0).weights().value().cols());
    // biases start at zero, weights from xavier_uniform: |w| <= sqrt(6 / (fanIn + fanOut))
    assertEquals(0.0, net.layers().get(0).bias().value().get(0));
    for (double w : net.layers().get(0).weights().value().data()) {
      assertTrue(Math.abs(w) <= Math.sqrt(6.0 / 4), "xavier bound");
    }
    assertEquals(net.parameterValues(),
        c.network("2-2-1", "sigmoid", "identity", 7).parameterValues(), "same seed, same net");
  }

  @Test
  void network_byName_badWidths_namePart() {
    Components c = Backprop.components();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c.network("2-x-1", "sigmoid", "identity", 7));
    assertEquals("network \"2-x-1\": part 2 is \"x\", expected a whole number", e.getMessage());
    UnknownComponentException unknown = assertThrows(UnknownComponentException.class,
        () -> c.network("2-2-1", "sigmoud", "identity", 7));
    assertTrue(unknown.getMessage().contains("Did you mean \"sigmoid\"?"), unknown.getMessage());
  }
}
