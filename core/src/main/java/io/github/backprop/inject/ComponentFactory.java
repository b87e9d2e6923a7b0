package io.github.backprop.inject;

/**
 * Makes a plug-in from its settings; what a registry name maps to. Plain plug-ins ignore the
 * settings (and the registry then rejects any that were given); parameterised ones read them.
 *
 * <pre>{@code
 * ComponentFactory<Activation> leakyRelu = p -> new LeakyRelu(p.getDouble("alpha", 0.01));
 * }</pre>
 */
@FunctionalInterface
public interface ComponentFactory<T> {
  /** A new instance configured by {@code parameters}. */
  T create(Hyperparameters parameters);
}
