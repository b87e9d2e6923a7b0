package io.github.backprop.activations;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/**
 * Registers the stock activations by their torch-style names: identity, step, sigmoid, tanh,
 * relu, leaky_relu, elu, selu, celu, gelu, softplus, silu, mish, softsign, hard_tanh,
 * hard_sigmoid, hard_swish, softmax, log_softmax. Parameterised ones read their settings here,
 * each default taken from the one constant that defines it. Binds only; safe to install twice.
 */
public final class ActivationsModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.activation(binder(), Identity.NAME, p -> new Identity());
    Plugins.activation(binder(), Step.NAME, p -> new Step());
    Plugins.activation(binder(), Sigmoid.NAME, p -> new Sigmoid());
    Plugins.activation(binder(), Tanh.NAME, p -> new Tanh());
    Plugins.activation(binder(), Relu.NAME, p -> new Relu());
    Plugins.activation(binder(), LeakyRelu.NAME,
        p -> new LeakyRelu(p.getDouble("alpha", LeakyRelu.DEFAULT_ALPHA)));
    Plugins.activation(binder(), Elu.NAME, p -> new Elu(p.getDouble("alpha", Elu.DEFAULT_ALPHA)));
    Plugins.activation(binder(), Selu.NAME, p -> new Selu());
    Plugins.activation(binder(), Celu.NAME,
        p -> new Celu(p.getDouble("alpha", Celu.DEFAULT_ALPHA)));
    Plugins.activation(binder(), Gelu.NAME,
        p -> new Gelu(p.getString("approximate", Gelu.DEFAULT_APPROXIMATE)));
    Plugins.activation(binder(), Softplus.NAME,
        p -> new Softplus(p.getDouble("beta", Softplus.DEFAULT_BETA),
            p.getDouble("threshold", Softplus.DEFAULT_THRESHOLD)));
    Plugins.activation(binder(), Silu.NAME, p -> new Silu());
    Plugins.activation(binder(), Mish.NAME, p -> new Mish());
    Plugins.activation(binder(), Softsign.NAME, p -> new Softsign());
    Plugins.activation(binder(), HardTanh.NAME,
        p -> new HardTanh(p.getDouble("minValue", HardTanh.DEFAULT_MIN_VALUE),
            p.getDouble("maxValue", HardTanh.DEFAULT_MAX_VALUE)));
    Plugins.activation(binder(), HardSigmoid.NAME, p -> new HardSigmoid());
    Plugins.activation(binder(), HardSwish.NAME, p -> new HardSwish());
    Plugins.activation(binder(), Softmax.NAME, p -> new Softmax());
    Plugins.activation(binder(), LogSoftmax.NAME, p -> new LogSoftmax());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationsModule;
  }

  @Override
  public int hashCode() {
    return ActivationsModule.class.hashCode();
  }
}
