package io.github.backprop.optimizers;

import io.github.backprop.inject.ComponentFactory;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.train.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stock optimizers, for code that does not look them up through Guice. Each call makes a new
 * one (optimizers keep state).
 *
 * <p>Names, hyperparameters and defaults are torch.optim's, in lowerCamelCase:
 * <table>
 *   <caption>Registered optimizers</caption>
 *   <tr><th>name</th><th>hyperparameters (default)</th></tr>
 *   <tr><td>sgd</td><td>learningRate (required), momentum (0), dampening (0), nesterov (false),
 *       weightDecay (0)</td></tr>
 *   <tr><td>adam</td><td>learningRate (0.001), beta1 (0.9), beta2 (0.999), epsilon (1e-8),
 *       weightDecay (0, as L2), amsgrad (false)</td></tr>
 *   <tr><td>adamw</td><td>as adam, but weightDecay (0.01) is decoupled</td></tr>
 *   <tr><td>rmsprop</td><td>learningRate (0.01), alpha (0.99), epsilon (1e-8), weightDecay (0),
 *       momentum (0), centered (false)</td></tr>
 *   <tr><td>adagrad</td><td>learningRate (0.01), lrDecay (0), weightDecay (0),
 *       initialAccumulatorValue (0), epsilon (1e-10)</td></tr>
 *   <tr><td>adadelta</td><td>learningRate (1.0), rho (0.9), epsilon (1e-6), weightDecay
 *       (0)</td></tr>
 *   <tr><td>adamax</td><td>learningRate (0.002), beta1 (0.9), beta2 (0.999), epsilon (1e-8),
 *       weightDecay (0)</td></tr>
 *   <tr><td>nadam</td><td>learningRate (0.002), beta1 (0.9), beta2 (0.999), epsilon (1e-8),
 *       weightDecay (0), momentumDecay (0.004)</td></tr>
 * </table>
 *
 * <p>Where there is a weightDecay and the table does not say decoupled, it is L2 added to the
 * gradient, on every parameter, biases included (as torch does).
 */
public final class Optimizers {
  /** The factories by registered name, shared with {@link OptimizersModule}. */
  static final Map<String, ComponentFactory<Optimizer>> FACTORIES = factories();

  private Optimizers() {}

  private static Map<String, ComponentFactory<Optimizer>> factories() {
    Map<String, ComponentFactory<Optimizer>> f = new LinkedHashMap<>();
    f.put(Sgd.NAME, p -> new Sgd(p.requireDouble("learningRate"), p.getDouble("momentum", 0),
        p.getDouble("dampening", 0), p.getBoolean("nesterov", false),
        p.getDouble("weightDecay", 0)));
    f.put(Adam.ADAM, p -> new Adam(Adam.ADAM, p.getDouble("learningRate", 0.001),
        p.getDouble("beta1", 0.9), p.getDouble("beta2", 0.999), p.getDouble("epsilon", 1e-8),
        p.getDouble("weightDecay", 0), p.getBoolean("amsgrad", false), false));
    f.put(Adam.ADAMW, p -> new Adam(Adam.ADAMW, p.getDouble("learningRate", 0.001),
        p.getDouble("beta1", 0.9), p.getDouble("beta2", 0.999), p.getDouble("epsilon", 1e-8),
        p.getDouble("weightDecay", 0.01), p.getBoolean("amsgrad", false), true));
    f.put(Rmsprop.NAME, p -> new Rmsprop(p.getDouble("learningRate", 0.01),
        p.getDouble("alpha", 0.99), p.getDouble("epsilon", 1e-8), p.getDouble("weightDecay", 0),
        p.getDouble("momentum", 0), p.getBoolean("centered", false)));
    f.put(Adagrad.NAME, p -> new Adagrad(p.getDouble("learningRate", 0.01),
        p.getDouble("lrDecay", 0), p.getDouble("weightDecay", 0),
        p.getDouble("initialAccumulatorValue", 0), p.getDouble("epsilon", 1e-10)));
    f.put(Adadelta.NAME, p -> new Adadelta(p.getDouble("learningRate", 1.0),
        p.getDouble("rho", 0.9), p.getDouble("epsilon", 1e-6), p.getDouble("weightDecay", 0)));
    f.put(Adamax.NAME, p -> new Adamax(p.getDouble("learningRate", 0.002),
        p.getDouble("beta1", 0.9), p.getDouble("beta2", 0.999), p.getDouble("epsilon", 1e-8),
        p.getDouble("weightDecay", 0)));
    f.put(Nadam.NAME, p -> new Nadam(p.getDouble("learningRate", 0.002),
        p.getDouble("beta1", 0.9), p.getDouble("beta2", 0.999), p.getDouble("epsilon", 1e-8),
        p.getDouble("weightDecay", 0), p.getDouble("momentumDecay", 0.004)));
    return Map.copyOf(f);
  }

  /**
   * The optimizer registered as {@code name}, configured by {@code parameters}, with the same
   * checks as the Guice registry.
   *
   * @throws io.github.backprop.inject.UnknownComponentException for an unknown name
   * @throws IllegalArgumentException for an unknown, missing or out-of-range parameter
   */
  public static Optimizer named(String name, Map<String, ?> parameters) {
    return new ComponentRegistry<>("optimizer", FACTORIES, Optimizer::name).get(name, parameters);
  }

  /** {@code sgd}: w &lt;- w - learningRate * dC/dw. */
  public static Optimizer sgd(double learningRate) {
    return new Sgd(learningRate, 0, 0, false, 0);
  }

  /** {@code sgd} with (heavy-ball) momentum. */
  public static Optimizer sgd(double learningRate, double momentum) {
    return new Sgd(learningRate, momentum, 0, false, 0);
  }

  /** {@code adam} with torch's defaults. */
  public static Optimizer adam() {
    return adam(0.001);
  }

  /** {@code adam} with torch's defaults except the learning rate. */
  public static Optimizer adam(double learningRate) {
    return new Adam(Adam.ADAM, learningRate, 0.9, 0.999, 1e-8, 0, false, false);
  }

  /** {@code adamw} with torch's defaults (weightDecay 0.01). */
  public static Optimizer adamw(double learningRate) {
    return new Adam(Adam.ADAMW, learningRate, 0.9, 0.999, 1e-8, 0.01, false, true);
  }

  /** {@code rmsprop} with torch's defaults except the learning rate. */
  public static Optimizer rmsprop(double learningRate) {
    return new Rmsprop(learningRate, 0.99, 1e-8, 0, 0, false);
  }

  /** {@code adagrad} with torch's defaults except the learning rate. */
  public static Optimizer adagrad(double learningRate) {
    return new Adagrad(learningRate, 0, 0, 0, 1e-10);
  }

  /** {@code adadelta} with torch's defaults (learningRate 1.0, rho 0.9, epsilon 1e-6). */
  public static Optimizer adadelta() {
    return new Adadelta(1.0, 0.9, 1e-6, 0);
  }

  /** {@code adamax} with torch's defaults except the learning rate. */
  public static Optimizer adamax(double learningRate) {
    return new Adamax(learningRate, 0.9, 0.999, 1e-8, 0);
  }

  /** {@code nadam} with torch's defaults except the learning rate. */
  public static Optimizer nadam(double learningRate) {
    return new Nadam(learningRate, 0.9, 0.999, 1e-8, 0, 0.004);
  }
}
