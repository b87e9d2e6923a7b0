package io.github.backprop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.internal.IoReason;
import io.github.backprop.internal.ReplaceFile;
import io.github.backprop.nn.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saved models: a spec with the trained weights written in, so that every command reads it back
 * as a spec. Written atomically: to a temporary file in the same directory, then renamed over
 * the target, so a reader never sees half a model and a failed write leaves the old one intact.
 */
final class ModelFile {
  private ModelFile() {}

  /**
   * The spec as a model: its sections in the canonical order, the network with the trained
   * weights and biases (and the classes and input columns, if known), and CSV paths rewritten
   * relative to the new file.
   */
  static ObjectNode document(Spec spec, Network network, List<String> classes,
      List<String> inputColumns, Path target) {
    ObjectNode source = spec.document();
    ObjectNode out = Json.object();
    out.put("format", Spec.FORMAT);
    out.put("seed", spec.seed());
    out.set("network", NetworkSpec.toJson(network, classes, inputColumns));
    for (String field : Spec.FIELDS) {
      JsonNode value = source.get(field);
      if (value == null || out.has(field)) {
        continue;
      }
      out.set(field, field.equals("data")
          ? DataSpec.relocate(value, spec.file(), target) : value.deepCopy());
    }
    return out;
  }

  /**
   * Writes the model to {@code target}, replacing any file there.
   *
   * @throws BadInputException if the target is a directory, or its directory does not exist or
   *     cannot be written; the message says why in plain words
   */
  static void save(Path target, Spec spec, Network network, List<String> classes,
      List<String> inputColumns) throws IOException {
    String text = Json.write(document(spec, network, classes, inputColumns, target));
    Path absolute = target.toAbsolutePath().normalize();
    String cannot = target + ": cannot save the model: ";
    if (Files.isDirectory(absolute)) {
      throw new BadInputException(cannot + "it is a directory");
    }
    Path directory = absolute.getParent();
    Path temporary;
    try {
      temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw new BadInputException(cannot + (!Files.exists(directory)
          ? "the directory " + directory + " does not exist"
          : !Files.isDirectory(directory) ? directory + " is not a directory"
          : "cannot create a file in " + directory + " (" + IoReason.of(e) + ")"), e);
    }
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      ReplaceFile.moveOver(temporary, absolute);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw new BadInputException(cannot + IoReason.of(e), e);
    }
  }
}
