package io.github.backprop.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.github.backprop.testing.TestActivations;

/** A plug-in listed in the test class path's META-INF/services, to exercise discovery. */
public final class TestPlugin implements BackpropPlugin {
  @Override
  public Module module() {
    return new TestPluginModule();
  }

  static final class TestPluginModule extends AbstractModule {
    @Override
    protected void configure() {
      Plugins.activation(binder(), "sigmoid", p -> TestActivations.sigmoid());
      Plugins.activation(binder(), "identity", p -> TestActivations.identity());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TestPluginModule;
    }

    @Override
    public int hashCode() {
      return TestPluginModule.class.hashCode();
    }
  }
}
