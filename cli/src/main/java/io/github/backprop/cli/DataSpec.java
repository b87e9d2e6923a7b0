package io.github.backprop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.tensor.Tensor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code data} section of a spec, read but not yet loaded: rows written inline, or a CSV file
 * with the names of its target columns; optionally a {@code validation} set of either form.
 */
sealed interface DataSpec permits DataSpec.Inline, DataSpec.Csv {
  Set<String> INLINE_FIELDS = JsonAt.names("inputs", "targets", "validation");
  Set<String> CSV_FIELDS = JsonAt.names("csv", "targets", "oneHot", "validation");

  /** Where in the spec this data set was written. */
  JsonAt at();

  /** The held-out set, or null. */
  DataSpec validation();

  /**
   * Rows given in the spec.
   *
   * @param inputs shape [rows, features]
   * @param targets shape [rows, outputs]
   */
  record Inline(JsonAt at, Tensor inputs, Tensor targets, DataSpec validation)
      implements DataSpec {}

  /**
   * A CSV file with a header line; every column not named in {@code targets} is an input.
   *
   * @param file the file, resolved against the spec's directory
   * @param targets the target columns
   * @param oneHot whether the single target column holds class labels to encode one-hot
   */
  record Csv(JsonAt at, Path file, List<String> targets, boolean oneHot, DataSpec validation)
      implements DataSpec {}

  /**
   * Reads a {@code data} object.
   *
   * @param specFile the spec, whose directory relative CSV paths start from
   */
  static DataSpec read(JsonAt at, Path specFile) {
    return read(at, specFile, false, null);
  }

  /**
   * @param nested whether this is a validation set (which has no validation set of its own)
   * @param parent the training set a CSV validation set takes its targets and oneHot from
   */
  private static DataSpec read(JsonAt at, Path specFile, boolean nested, Csv parent) {
    if (at.node() == null || !at.node().isObject()) {
      throw at.error("expected an object, as in {\"inputs\": [[0, 1]], \"targets\": [[1]]} or "
          + "{\"csv\": \"data.csv\", \"targets\": [\"label\"]}, got " + JsonAt.describe(at.node()));
    }
    boolean csv = at.get("csv").isPresent();
    Set<String> fields = new LinkedHashSet<>(csv ? CSV_FIELDS : INLINE_FIELDS);
    if (nested) {
      fields.remove("validation");
    }
    at.requireObject(fields);
    DataSpec validation = null;
    if (!csv) {
      Tensor inputs = rows(at.get("inputs").require("give the input rows, as in \"inputs\": "
          + "[[0.05, 0.10]], or a CSV file as \"csv\""));
      Tensor targets = rows(at.get("targets").require("give the target rows, as in "
          + "\"targets\": [[0.01, 0.99]]"));
      if (targets.rows() != inputs.rows()) {
        throw at.get("targets").error("expected " + inputs.rows() + " rows (one per input row),"
            + " got " + targets.rows());
      }
      if (at.get("validation").isPresent()) {
        validation = read(at.get("validation"), specFile, true, null);
      }
      return new Inline(at, inputs, targets, validation);
    }
    Path file;
    try {
      file = specFile.resolveSibling(at.get("csv").string());
    } catch (InvalidPathException e) {
      throw at.get("csv").error("expected a file path, got one this system cannot use ("
          + e.getReason().toLowerCase(Locale.ROOT) + ")");
    }
    JsonAt targetsAt = at.get("targets");
    List<String> targets;
    if (targetsAt.isPresent()) {
      targets = columns(targetsAt);
    } else if (parent != null) {
      targets = parent.targets();
    } else {
      throw targetsAt.error("missing; name the target columns, as in \"targets\": "
          + "[\"species\"]");
    }
    JsonAt oneHotAt = at.get("oneHot");
    boolean oneHot = oneHotAt.isPresent() ? oneHotAt.bool() : parent != null && parent.oneHot();
    if (oneHot && targets.size() != 1) {
      throw oneHotAt.error("oneHot needs exactly one target column holding the class labels, "
          + "got " + targets.size());
    }
    Csv self = new Csv(at, file, targets, oneHot, null);
    if (at.get("validation").isPresent()) {
      validation = read(at.get("validation"), specFile, true, self);
    }
    return new Csv(at, file, targets, oneHot, validation);
  }

  /** A string or an array of distinct strings. */
  private static List<String> columns(JsonAt at) {
    JsonNode n = at.node();
    if (n.isTextual()) {
      return List.of(n.textValue());
    }
    List<JsonAt> items = at.elements();
    if (items.isEmpty()) {
      throw at.error("expected at least one column name, got none");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonAt item : items) {
      if (!names.add(item.string())) {
        throw item.error("column \"" + item.string() + "\" is listed twice");
      }
    }
    return List.copyOf(names);
  }

  /** An array of equally long arrays of finite numbers, at least one row of at least one. */
  private static Tensor rows(JsonAt at) {
    List<JsonAt> rows = at.elements();
    if (rows.isEmpty()) {
      throw at.error("no rows; a data set needs at least one");
    }
    int width = rows.get(0).elements().size();
    if (width == 0) {
      throw rows.get(0).error("expected at least one value, got an empty row");
    }
    Tensor t = Tensor.zeros(rows.size(), width);
    double[] data = t.data();
    for (int r = 0; r < rows.size(); r++) {
      JsonAt row = rows.get(r);
      int length = row.elements().size();
      if (length != width) {
        throw row.error("expected " + width + " values as in " + rows.get(0).path() + ", got "
            + length);
      }
      for (int c = 0; c < width; c++) {
        data[r * width + c] = row.get(c).number();
      }
    }
    return t;
  }

  /**
   * This data reference as a spec written at {@code target} writes it: inline rows as they are,
   * CSV paths made relative to the new file's directory (absolute if they cannot be).
   */
  static JsonNode relocate(JsonNode data, Path specFile, Path target) {
    ObjectNode out = data.deepCopy();
    relocateInPlace(out, specFile, target);
    return out;
  }

  private static void relocateInPlace(ObjectNode data, Path specFile, Path target) {
    JsonNode csv = data.get("csv");
    if (csv != null && csv.isTextual()) {
      Path file = specFile.toAbsolutePath().resolveSibling(csv.textValue()).normalize();
      Path directory = target.toAbsolutePath().normalize().getParent();
      String written;
      try {
        written = directory.relativize(file).toString();
      } catch (IllegalArgumentException e) {
        written = file.toString();  // on another drive: no relative path exists
      }
      data.put("csv", written.replace('\\', '/'));
    }
    if (data.get("validation") instanceof ObjectNode validation) {
      relocateInPlace(validation, specFile, target);
    }
  }
}
