package io.github.backprop.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wall-clock time a graph's op nodes take, forward and backward, summed over the passes run
 * while it records (see {@link Graph#recordTimes}): where a training step spends its time, node
 * by node, measured inside the step itself rather than on each op alone.
 *
 * <pre>{@code
 * OpTimes times = new OpTimes();
 * network.pass(64).graph().recordTimes(times);
 * trainer.fit(network, data);
 * for (OpTimes.Entry e : times.entries()) {
 *   System.out.println(e.node() + " " + e.forwardNanos() / e.forwardRuns() + " ns forward");
 * }
 * }</pre>
 *
 * <p>Not thread-safe: give it to graphs that run on one thread at a time. Times include the
 * work the op hands to its workers.
 */
public final class OpTimes {
  /**
   * Per node (nodes are equal only to themselves), in the order first timed: forward nanos,
   * backward nanos, forward runs, backward runs.
   */
  private final Map<Node, long[]> byNode = new LinkedHashMap<>();

  /** One op node's totals. */
  public record Entry(String node, String op, long forwardNanos, long backwardNanos,
      long forwardRuns, long backwardRuns) {}

  void addForward(Node node, long nanos) {
    long[] t = totals(node);
    t[0] += nanos;
    t[2]++;
  }

  void addBackward(Node node, long nanos) {
    long[] t = totals(node);
    t[1] += nanos;
    t[3]++;
  }

  private long[] totals(Node node) {
    return byNode.computeIfAbsent(node, n -> new long[4]);
  }

  /** Every op node timed so far, in the order each was first run. */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(byNode.size());
    byNode.forEach((node, t) ->
        entries.add(new Entry(node.name(), node.op().name(), t[0], t[1], t[2], t[3])));
    return entries;
  }

  /** Forgets every total, as before the first pass. */
  public void clear() {
    byNode.clear();
  }
}
