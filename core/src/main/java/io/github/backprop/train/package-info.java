/**
 * Training: {@link io.github.backprop.train.Trainer} runs epochs of mini-batches,
 * {@link io.github.backprop.train.Gradients} is one forward and backward pass, and the plug-in
 * interfaces {@link io.github.backprop.train.Loss} and {@link io.github.backprop.train.Optimizer}
 * say what is minimised and how parameters move.
 *
 * <p>Around the loop: {@link io.github.backprop.train.LearningRateSchedule} (torch's schedulers,
 * stepped per epoch), {@link io.github.backprop.train.GradientClipping}, validation
 * {@link io.github.backprop.train.Metrics} and the
 * {@link io.github.backprop.train.ConfusionMatrix};
 * listeners that show progress ({@link io.github.backprop.train.ProgressBar}), record it
 * ({@link io.github.backprop.train.HistoryRecorder}), stop early
 * ({@link io.github.backprop.train.EarlyStopping}) or save
 * {@link io.github.backprop.train.Checkpoint}s ({@link io.github.backprop.train.Checkpointing},
 * {@link io.github.backprop.train.CheckpointFile}); and the
 * {@link io.github.backprop.train.OptimizerState} that lets a stopped run resume exactly.
 */
package io.github.backprop.train;
