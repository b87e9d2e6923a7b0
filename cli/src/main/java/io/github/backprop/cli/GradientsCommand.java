package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.data.Dataset;
import io.github.backprop.nn.Dense;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;
import io.github.backprop.train.Gradients;
import io.github.backprop.train.Loss;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code gradients SPEC}: the mean loss over all of the spec's data at its parameters, and the
 * gradient of that mean in every weight and bias, as JSON: {@code {"loss": L, "layers":
 * [{"weights": [[..]], "bias": [..]}, ...]}}. A loss or gradient that overflows to an infinity
 * or NaN is an error, not a result.
 */
final class GradientsCommand implements Command {
  @Override
  public String name() {
    return "gradients";
  }

  @Override
  public String arguments() {
    return "SPEC";
  }

  @Override
  public String summary() {
    return "prints the mean loss over the data and its gradient in every weight and bias";
  }

  @Override
  public void run(List<String> args, Context context) {
    Arguments a = Arguments.parse(this, args, List.of("SPEC"), Set.of());
    Spec spec = Spec.read(Path.of(a.positional(0)), context.components());
    NetworkSpec networkSpec = spec.network(name());
    Loss loss = spec.loss(name());
    Dataset data = LoadedData.load(spec.data(name()), networkSpec, loss).train();
    Network network = networkSpec.build(spec.seed());
    double value;
    try {
      value = Gradients.compute(network, loss, data.inputs(), data.targets());
    } catch (IllegalArgumentException e) {
      throw spec.lossRejected(e);
    }
    if (!Double.isFinite(value)) {
      throw spec.notFinite("the loss over the data is " + value);
    }
    ObjectNode out = Json.object();
    out.put("loss", value);
    ArrayNode layers = out.putArray("layers");
    for (int l = 0; l < network.layers().size(); l++) {
      Dense layer = network.layers().get(l);
      for (Parameter p : List.of(layer.weights(), layer.bias())) {
        if (p.grad().firstNonFinite() >= 0) {
          throw spec.notFinite("the gradient in network.layers[" + l + "]."
              + (p == layer.weights() ? "weights" : "bias") + " is not finite");
        }
      }
      ObjectNode entry = layers.addObject();
      entry.set("weights", Json.array(layer.weights().grad()));
      entry.set("bias", Json.array(layer.bias().grad()));
    }
    context.out().print(Json.write(out));
  }
}
