/**
 * The computation graph and reverse-mode differentiation: {@link io.github.backprop.graph.Graph}
 * holds input, parameter and op nodes; each {@link io.github.backprop.graph.Op} keeps its forward
 * rule and its vector-Jacobian backward rule side by side.
 *
 * <p>This is the seeds' picture made literal: the forward pass computes each node from its
 * inputs; the backward pass walks the nodes in reverse topological order, applying the chain rule
 * (case 1) at each op and summing the gradients that return along every path to a node used
 * several times (case 2).
 */
package io.github.backprop.graph;
