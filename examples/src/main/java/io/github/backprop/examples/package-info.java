/**
 * Runnable examples, one idea each, written to be read and copied: the seeds' worked networks
 * number by number (seed-network, step-by-step, bp-equations), small problems that show what a
 * network can and cannot learn (xor, spirals, sine), real data (digits, iris), the optimizers
 * side by side, your own activation, and the gradient check.
 *
 * <p>{@link io.github.backprop.examples.Examples} lists and runs them from the runnable jar
 * ({@code java -jar backprop-examples.jar NAME}); each is also a class with its own {@code main}.
 * Plots are PNG files drawn by {@link io.github.backprop.examples.Plots} with XChart.
 */
package io.github.backprop.examples;
