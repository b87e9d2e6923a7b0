/**
 * Dense kernels the graph runs on: loops over row-major {@code double[]} data, with no objects
 * per element.
 *
 * <p>The main entry is {@link io.github.backprop.kernels.Gemm}, general matrix multiply, used by
 * every matmul and dense layer in both directions. Its inner blocks come in two implementations
 * with the same bits: plain loops that C2 auto-vectorises (every JVM), and register-tiled Vector
 * API kernels, chosen at run time when the JVM has {@code jdk.incubator.vector}.
 * {@link io.github.backprop.kernels.WorkerPool}
 * runs a kernel on several threads with a partition fixed by the problem size, so results are
 * bit-identical whatever the thread count.
 */
package io.github.backprop.kernels;
