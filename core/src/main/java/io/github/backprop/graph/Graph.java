package io.github.backprop.graph;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A computation graph, built once and run many times: forward computes every node from its
 * inputs in topological order; backward walks that order in reverse, each op turning its output's
 * gradient into its inputs' gradients, which add up where a node feeds several ops.
 *
 * <pre>{@code
 * Graph.Builder b = Graph.builder();
 * Node x = b.input("x", Shape.of(4, 2));
 * Node w = b.parameter("w", weights, weightGrad);
 * Node y = b.apply("y", new MatMul(false, true), x, w);
 * Graph g = b.build();
 * g.forward();
 * g.backward(y, seedGradient);   // w's gradient buffer now holds dL/dw
 * }</pre>
 *
 * <p>Shapes are checked as nodes are added. Buffers are allocated once, so running the graph does
 * not allocate. Not thread-safe.
 */
public final class Graph {
  private final List<Node> order;
  private final Map<Node, BackwardPlan> plansByRoot = new IdentityHashMap<>();
  private final Tensor[][] inputValues;
  private final Tensor[][] inputGrads;
  /** Where op times go, or null when not recording. */
  private OpTimes times;

  private Graph(List<Node> order) {
    this.order = order;
    this.inputValues = new Tensor[order.size()][];
    this.inputGrads = new Tensor[order.size()][];
    for (int i = 0; i < order.size(); i++) {
      List<Node> in = order.get(i).inputs();
      inputValues[i] = new Tensor[in.size()];
      inputGrads[i] = new Tensor[in.size()];
      for (int j = 0; j < in.size(); j++) {
        inputValues[i][j] = in.get(j).value();
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The nodes in topological order: every node comes after its inputs. */
  public List<Node> nodes() {
    return Collections.unmodifiableList(order);
  }

  /**
   * Starts adding the time of each op's forward and backward to {@code times}, or stops with
   * null. Off unless asked for: it costs two clock reads per op.
   */
  public void recordTimes(OpTimes times) {
    this.times = times;
  }

  /** Computes every op node from its inputs, in topological order. */
  public void forward() {
    for (int i = 0; i < order.size(); i++) {
      Node node = order.get(i);
      if (node.op() == null) {
        continue;
      }
      long start = times == null ? 0 : System.nanoTime();
      node.op().forward(inputValues[i], node.value());
      if (times != null) {
        times.addForward(node, System.nanoTime() - start);
      }
    }
  }

  /**
   * Back-propagates from {@code root}: sets root's gradient to {@code seed}, then runs each op's
   * backward rule in reverse topological order. Afterwards every node that root depends on holds
   * d(seed . root)/d(node) in its gradient buffer; for parameters that is the gradient to step.
   *
   * <p>Gradients are not accumulated across calls: the first op to reach a buffer in a pass
   * overwrites it (see {@link Op#backward(Tensor[], Tensor, Tensor, Tensor[], boolean[])}), and
   * the ops after it add to it, exactly as if every buffer had been zeroed first.
   *
   * <p>Seeding a node before the last one (the pre-activation of a fused loss) skips the ops
   * after it.
   *
   * @param seed the gradient of the loss with respect to root, of root's shape
   * @throws IllegalArgumentException if root is not in this graph or the seed's shape differs
   */
  public void backward(Node root, Tensor seed) {
    BackwardPlan plan = plansByRoot.get(root);
    if (plan == null) {
      plan = prepare(root);
    }
    if (!seed.shape().equals(root.shape())) {
      throw new io.github.backprop.tensor.ShapeMismatchException(
          "backward from " + root.name() + ": seed gradient has shape " + seed.shape()
              + " but the node has shape " + root.shape(),
          root.shape().toString(), seed.shape().toString());
    }
    for (int i : plan.zeroFirst) {
      order.get(i).gradBuffer().fillInPlace(0.0);
    }
    root.gradBuffer().copyFromInPlace(seed);
    int[] ancestors = plan.ancestors;
    for (int a = ancestors.length - 1; a >= 0; a--) {
      int i = ancestors[a];
      Node node = order.get(i);
      if (node.op() == null) {
        continue;
      }
      Tensor[] grads = inputGrads[i];
      List<Node> in = node.inputs();
      for (int j = 0; j < grads.length; j++) {
        grads[j] = in.get(j).requiresGrad() ? in.get(j).gradBuffer() : null;
      }
      long start = times == null ? 0 : System.nanoTime();
      node.op().backward(inputValues[i], node.value(), node.grad(), grads, plan.overwrite[a]);
      if (times != null) {
        times.addBackward(node, System.nanoTime() - start);
      }
    }
  }

  /**
   * Plans the backward passes from {@code root} now instead of in the first {@link
   * #backward(Node, Tensor)} from it. A caller that knows its roots up front (a network's pass
   * does) keeps that one-off work out of its training loop, where the JIT would meet it late:
   * a compiled {@code backward} that meets an unplanned root is thrown away and compiled again,
   * and runs slower meanwhile.
   *
   * @throws IllegalArgumentException if root is not in this graph
   */
  public void prepareBackward(Node root) {
    if (!plansByRoot.containsKey(root)) {
      prepare(root);
    }
  }

  private BackwardPlan prepare(Node root) {
    BackwardPlan plan = plan(root);
    plansByRoot.put(root, plan);
    return plan;
  }

  /**
   * What a backward pass from one root does: which nodes it visits, which op first writes each
   * gradient buffer (and so may overwrite it), and which buffers must be zeroed up front.
   *
   * @param ancestors positions in {@link #order} of the nodes root depends on that need a
   *     gradient, root included, in topological order
   * @param overwrite per ancestor, per input of its op: whether that op writes the input's
   *     gradient first
   * @param zeroFirst nodes whose first writer is an op that has them as two of its inputs
   */
  private record BackwardPlan(int[] ancestors, boolean[][] overwrite, int[] zeroFirst) {}

  private BackwardPlan plan(Node root) {
    int[] ancestors = ancestorsOf(root);
    boolean[][] overwrite = new boolean[ancestors.length][];
    Set<Node> written = Collections.newSetFromMap(new IdentityHashMap<>());
    written.add(root);
    List<Integer> zeroFirst = new ArrayList<>();
    for (int a = ancestors.length - 1; a >= 0; a--) {
      Node node = order.get(ancestors[a]);
      List<Node> in = node.inputs();
      overwrite[a] = new boolean[in.size()];
      for (int j = 0; j < in.size(); j++) {
        Node input = in.get(j);
        if (input.requiresGrad() && written.add(input)) {
          if (in.indexOf(input) == in.lastIndexOf(input)) {
            overwrite[a][j] = true;
          } else {
            zeroFirst.add(order.indexOf(input));
          }
        }
      }
    }
    return new BackwardPlan(ancestors, overwrite,
        zeroFirst.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The positions in {@link #order} of the nodes that root depends on and that need a gradient,
   * root included, in topological order.
   */
  private int[] ancestorsOf(Node root) {
    if (!order.contains(root)) {
      throw new IllegalArgumentException("backward: node " + root.name() + " is not in this graph");
    }
    Set<Node> reach = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n.requiresGrad() && reach.add(n)) {
        n.inputs().forEach(stack::push);
      }
    }
    return java.util.stream.IntStream.range(0, order.size())
        .filter(i -> reach.contains(order.get(i)))
        .toArray();
  }

  /** Adds nodes one at a time, checking each op's shapes as it is added. */
  public static final class Builder {
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    /** An input of the given shape, whose value the caller writes before each forward pass. */
    public Node input(String name, Shape shape) {
      return add(
          new Node(name, Node.Kind.INPUT, null, List.of(), Tensor.zeros(shape), null, false));
    }

    /** An input whose gradient is wanted too (to differentiate with respect to the data). */
    public Node differentiableInput(String name, Shape shape) {
      return add(new Node(name, Node.Kind.INPUT, null, List.of(), Tensor.zeros(shape), null, true));
    }

    /**
     * A parameter over the caller's own buffers: the graph reads {@code value} and writes its
     * gradient into {@code grad}, so several graphs can share one parameter.
     */
    public Node parameter(String name, Tensor value, Tensor grad) {
      Objects.requireNonNull(value, "value");
      if (!grad.shape().equals(value.shape())) {
        throw new IllegalArgumentException(
            "parameter " + name + ": gradient shape " + grad.shape() + " differs from value shape "
                + value.shape());
      }
      return add(new Node(name, Node.Kind.PARAMETER, null, List.of(), value, grad, true));
    }

    /**
     * The node {@code op(inputs...)}.
     *
     * @throws io.github.backprop.tensor.ShapeMismatchException if the op rejects the input shapes
     */
    public Node apply(String name, Op op, Node... inputs) {
      Shape[] shapes = new Shape[inputs.length];
      boolean requiresGrad = false;
      for (int i = 0; i < inputs.length; i++) {
        if (!nodes.contains(inputs[i])) {
          throw new IllegalArgumentException(
              name + ": input " + inputs[i].name() + " was not added to this graph");
        }
        shapes[i] = inputs[i].shape();
        requiresGrad |= inputs[i].requiresGrad();
      }
      Shape out = op.outputShape(shapes);
      return add(new Node(name, Node.Kind.OP, op, List.of(inputs), Tensor.zeros(out), null,
          requiresGrad));
    }

    private Node add(Node node) {
      if (!names.add(node.name())) {
        throw new IllegalArgumentException("graph already has a node named " + node.name());
      }
      nodes.add(node);
      return node;
    }

    /** The graph; nodes were added after their inputs, so insertion order is topological. */
    public Graph build() {
      return new Graph(topologicalOrder(nodes));
    }

    /** Depth-first post-order with an explicit stack, so deep graphs cannot overflow the thread. */
    private static List<Node> topologicalOrder(List<Node> nodes) {
      List<Node> result = new ArrayList<>(nodes.size());
      Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());
      Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<Node> stack = new ArrayDeque<>();
      for (Node start : nodes) {
        stack.push(start);
        while (!stack.isEmpty()) {
          Node n = stack.peek();
          if (done.contains(n)) {
            stack.pop();
            continue;
          }
          if (open.add(n)) {
            for (int i = n.inputs().size() - 1; i >= 0; i--) {
              if (!done.contains(n.inputs().get(i))) {
                stack.push(n.inputs().get(i));
              }
            }
          } else {
            stack.pop();
            done.add(n);
            result.add(n);
          }
        }
      }
      return result;
    }
  }
}
