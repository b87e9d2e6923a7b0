package io.github.backprop.cli;

import io.github.backprop.data.Dataset;
import io.github.backprop.graph.Node;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Pass;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import io.github.backprop.train.TrainingDivergedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code graph SPEC}: the computation graph of the first training batch in Graphviz DOT, as
 * micrograd draws it: a box per value (input, parameter, z, a, target, loss) labelled with its
 * name, shape, value and gradient, and an oval per operation. Long values are cut to their first
 * few numbers.
 *
 * <pre>{@code
 * java -jar backprop.jar graph spec.json | dot -Tsvg > graph.svg
 * }</pre>
 */
final class GraphCommand implements Command {
  private static final int DIGITS = 4;
  private static final int MAX_VALUES = 4;

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public String arguments() {
    return "SPEC";
  }

  @Override
  public String summary() {
    return "prints the computation graph in Graphviz DOT, with the first batch's values and"
        + " gradients";
  }

  @Override
  public void run(List<String> args, Context context) {
    Arguments a = Arguments.parse(this, args, List.of("SPEC"), Set.of());
    Spec spec = Spec.read(Path.of(a.positional(0)), context.components());
    NetworkSpec networkSpec = spec.network(name());
    Loss loss = spec.loss(name());
    Dataset data = LoadedData.load(spec.data(name()), networkSpec, loss).train();
    Network network = networkSpec.build(spec.seed());
    Spec.Training training = spec.training();
    try {
      // No optimizer: the network keeps its parameters, and the pass keeps the batch's values.
      FirstBatch batch = FirstBatch.record(network, loss, null, data, training, spec.seed());
      Pass pass = network.pass(batch.rows());
      write(context.out(), pass, loss, Gradients.compute(pass, loss));
    } catch (TrainingDivergedException e) {
      throw new BadInputException(spec.file() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw spec.lossRejected(e);
    }
  }

  private static void write(PrintStream out, Pass pass, Loss loss, double lossValue) {
    out.println("digraph backprop {");
    out.println("  rankdir=LR;");
    out.println("  node [fontname=\"monospace\", fontsize=10];");
    for (Node node : pass.graph().nodes()) {
      out.println("  " + id(node.name()) + " [shape=record, label=\"" + label(node.name(),
          node.value(), node.grad()) + "\"];");
      if (node.op() != null) {
        String op = id(node.name() + " op");
        out.println("  " + op + " [shape=ellipse, label=\"" + escape(node.op().name()) + "\"];");
        for (Node input : node.inputs()) {
          out.println("  " + id(input.name()) + " -> " + op + ";");
        }
        out.println("  " + op + " -> " + id(node.name()) + ";");
      }
    }
    String output = null;
    for (Node node : pass.graph().nodes()) {
      if (node.value() == pass.output()) {
        output = node.name();
      }
    }
    out.println("  " + id("target") + " [shape=record, label=\"" + label("target",
        pass.target(), null) + "\"];");
    out.println("  " + id("loss op") + " [shape=ellipse, label=\"" + escape(loss.name())
        + " (mean)\"];");
    out.println("  " + id(output) + " -> " + id("loss op") + ";");
    out.println("  " + id("target") + " -> " + id("loss op") + ";");
    out.println("  " + id("loss") + " [shape=record, label=\"{loss | value "
        + Numbers.format(lossValue, DIGITS) + " | grad 1}\"];");
    out.println("  " + id("loss op") + " -> " + id("loss") + ";");
    out.println("}");
  }

  private static String label(String name, Tensor value, Tensor grad) {
    StringBuilder sb = new StringBuilder("{").append(escape(name)).append(" | ")
        .append(escape(value.shape().toString())).append(" | value ")
        .append(escape(values(value)));
    if (grad != null) {
      sb.append(" | grad ").append(escape(values(grad)));
    }
    return sb.append('}').toString();
  }

  /** The whole tensor when short, else its first few numbers in row-major order. */
  private static String values(Tensor t) {
    if (t.size() <= MAX_VALUES) {
      return Numbers.tensor(t, MAX_VALUES, MAX_VALUES, DIGITS);
    }
    return Numbers.vector(t.data(), 0, t.size(), MAX_VALUES, DIGITS);
  }

  private static String id(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Escapes what is special inside a record label. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ("{}|<>\"\\".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
