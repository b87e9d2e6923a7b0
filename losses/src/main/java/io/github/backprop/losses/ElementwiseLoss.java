package io.github.backprop.losses;

import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;

/**
 * Base for a loss made of independent per-element terms l(a, y): a subclass writes two loops over
 * plain arrays (the total and the derivative), so the engine makes one call per batch and no
 * virtual call per element. This class checks shapes and applies the reduction: per sample the
 * sum of the terms over the outputs ({@code squared_error}) or their mean (the others), then the
 * mean over the batch, which for a mean per sample is torch's 'mean' over all elements.
 */
abstract class ElementwiseLoss implements Loss {
  private final boolean meanOverOutputs;

  /** @param meanOverOutputs true for mean_j per sample, false for sum_j */
  ElementwiseLoss(boolean meanOverOutputs) {
    this.meanOverOutputs = meanOverOutputs;
  }

  /** The sum of l(a[i], y[i]) over every element. */
  abstract double total(double[] a, double[] y);

  /** Writes g[i] = scale * dl/da at (a[i], y[i]) for every element. */
  abstract void derivative(double[] a, double[] y, double scale, double[] g);

  @Override
  public final double value(Tensor output, Tensor target) {
    Checks.sameShape(name(), "target", output, target);
    return total(output.data(), target.data()) / terms(output);
  }

  @Override
  public final void gradient(Tensor output, Tensor target, Tensor grad) {
    Checks.sameShape(name(), "target", output, target);
    Checks.sameShape(name(), "gradient buffer", output, grad);
    derivative(output.data(), target.data(), 1.0 / terms(output), grad.data());
  }

  /** What the total is divided by: the batch size, times the outputs for a mean per sample. */
  private double terms(Tensor output) {
    return meanOverOutputs ? (double) output.rows() * output.cols() : output.rows();
  }

  @Override
  public String toString() {
    return name();
  }
}
