package io.github.backprop.train;

/**
 * One epoch's result.
 *
 * @param epoch 1-based
 * @param meanLoss the mean of the per-sample training losses over the epoch's batches, each
 *     taken before that batch's update
 */
public record EpochSummary(int epoch, double meanLoss) {}
