package io.github.backprop.cli;

import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.GradientClipping;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Optimizer;
import io.github.backprop.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about the first batch of training, as the trainer takes it (in data order, or the
 * first shuffle's order when shuffling): the batch, every layer's z, a and delta, the gradients,
 * and the parameters before and after the one optimizer step.
 *
 * <p>It is recorded by running the real {@link Trainer} with the optimizer wrapped, so that what
 * is shown is what training does, not a re-implementation of it. The spec's schedule sets the
 * step's learning rate, as in the first epoch of training; its gradient clipping, if any, is
 * applied inside the wrapper, after the gradients are recorded, so they stay BP1-BP4's.
 *
 * @param input the batch's inputs, shape [batch, inputs]
 * @param target its targets, shape [batch, outputs]
 * @param z per layer, shape [batch, units]
 * @param a per layer, shape [batch, units]
 * @param delta per layer, dC/dz of the batch's mean loss C, shape [batch, units]
 * @param loss C, the batch's mean loss
 * @param before every parameter before the step, in {@link Network#parameters()} order
 * @param gradients every parameter's gradient, before any clipping
 * @param after every parameter after the step (equal to before when there was no optimizer)
 */
record FirstBatch(Tensor input, Tensor target, List<Tensor> z, List<Tensor> a, List<Tensor> delta,
    double loss, List<Tensor> before, List<Tensor> gradients, List<Tensor> after) {

  /** Thrown by the recording optimizer to end training after the first step. */
  private static final class Recorded extends RuntimeException {
    Recorded() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs training up to and including the first optimizer step, then stops.
   *
   * @param optimizer the step to take, or null to take none (the network is then unchanged)
   * @param training the batch size, shuffle, schedule and clipping to train with
   * @param seed the seed of the shuffle
   */
  static FirstBatch record(Network network, Loss loss, Optimizer optimizer, Dataset data,
      Spec.Training training, long seed) {
    int rows = Math.min(training.batchSize(), data.size());
    List<Tensor> before = network.parameterValues();
    List<FirstBatch> recorded = new ArrayList<>(1);
    Optimizer recorder = new Optimizer() {
      @Override
      public String name() {
        return optimizer == null ? "none" : optimizer.name();
      }

      @Override
      public double learningRate() {
        return optimizer == null ? Double.NaN : optimizer.learningRate();
      }

      @Override
      public void setLearningRate(double learningRate) {
        optimizer.setLearningRate(learningRate);
      }

      @Override
      public void step(List<Parameter> parameters) {
        Pass pass = network.pass(rows);
        List<Tensor> gradients = new ArrayList<>();
        for (Parameter p : parameters) {
          gradients.add(p.grad().copy());
        }
        if (optimizer != null) {
          if (!Double.isNaN(training.clipGradientNorm())) {
            GradientClipping.clipByNorm(parameters, training.clipGradientNorm());
          } else if (!Double.isNaN(training.clipGradientValue())) {
            GradientClipping.clipByValue(parameters, training.clipGradientValue());
          }
          optimizer.step(parameters);
        }
        int layers = network.layers().size();
        List<Tensor> z = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        List<Tensor> delta = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
          z.add(pass.weightedInput(l).copy());
          a.add(pass.activation(l).copy());
          delta.add(pass.delta(l).copy());
        }
        double value = loss.value(network.layers().get(layers - 1).activation(),
            pass.weightedInput(layers - 1), pass.output(), pass.target());
        recorded.add(new FirstBatch(pass.input().copy(), pass.target().copy(), z, a, delta,
            value, before, gradients, network.parameterValues()));
        // Training has nothing more to show; stopping here spares the rest of the epoch.
        throw new Recorded();
      }
    };
    Trainer.Builder trainer = Trainer.builder().loss(loss).optimizer(recorder).epochs(1)
        .batchSize(training.batchSize());
    if (training.shuffle()) {
      trainer.shuffle(seed);
    }
    if (optimizer != null && training.schedule() != null) {
      trainer.schedule(training.schedule());
    }
    try {
      trainer.build().fit(network, data);
    } catch (Recorded expected) {
      return recorded.get(0);
    }
    throw new AssertionError("training ended without an optimizer step");
  }

  /** The number of rows in the batch. */
  int rows() {
    return input.rows();
  }
}
