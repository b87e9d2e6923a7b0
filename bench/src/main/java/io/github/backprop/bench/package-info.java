/**
 * Benchmarks, run from {@code bench/target/backprop-bench.jar} (see {@link
 * io.github.backprop.bench.Main}): JMH micro-benchmarks of the kernels, the activations and
 * one training step; the end-to-end benchmark {@code mnist-mlp}; and the same workload in Encog,
 * compared with PyTorch's by {@code bench/compare.sh}.
 *
 * <p>Nothing here is timed by the unit tests: timings are measured by running these, never
 * asserted.
 */
package io.github.backprop.bench;
