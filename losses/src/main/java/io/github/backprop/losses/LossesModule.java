package io.github.backprop.losses;

import com.google.inject.AbstractModule;
import io.github.backprop.inject.Plugins;

/**
 * Registers the stock losses by name: squared_error, mse, mae, huber (delta), smooth_l1 (beta),
 * log_cosh, binary_cross_entropy, cross_entropy (labelSmoothing), kl_divergence, hinge,
 * squared_hinge and poisson_nll. Binds only; safe to install twice.
 */
public final class LossesModule extends AbstractModule {
  @Override
  protected void configure() {
    Plugins.loss(binder(), SquaredError.NAME, p -> new SquaredError());
    Plugins.loss(binder(), MeanSquaredError.NAME, p -> new MeanSquaredError());
    Plugins.loss(binder(), MeanAbsoluteError.NAME, p -> new MeanAbsoluteError());
    Plugins.loss(binder(), Huber.NAME,
        p -> new Huber(p.getDouble(Huber.DELTA, Huber.DEFAULT_DELTA)));
    Plugins.loss(binder(), SmoothL1.NAME,
        p -> new SmoothL1(p.getDouble(SmoothL1.BETA, SmoothL1.DEFAULT_BETA)));
    Plugins.loss(binder(), LogCosh.NAME, p -> new LogCosh());
    Plugins.loss(binder(), BinaryCrossEntropy.NAME, p -> new BinaryCrossEntropy());
    Plugins.loss(binder(), CrossEntropy.NAME, p -> new CrossEntropy(
        p.getDouble(CrossEntropy.LABEL_SMOOTHING, CrossEntropy.DEFAULT_LABEL_SMOOTHING)));
    Plugins.loss(binder(), KlDivergence.NAME, p -> new KlDivergence());
    Plugins.loss(binder(), Hinge.NAME, p -> new Hinge());
    Plugins.loss(binder(), SquaredHinge.NAME, p -> new SquaredHinge());
    Plugins.loss(binder(), PoissonNll.NAME, p -> new PoissonNll());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LossesModule;
  }

  @Override
  public int hashCode() {
    return LossesModule.class.hashCode();
  }
}
