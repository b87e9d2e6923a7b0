package io.github.backprop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.data.CsvReader;
import io.github.backprop.data.CsvTable;
import io.github.backprop.internal.Excerpt;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code predict MODEL INPUT}: the network's outputs for each input row, as JSON {@code
 * {"outputs": [[..], ..]}}, plus {@code "predicted"}, each row's class, for a classifier.
 *
 * <p>INPUT is a JSON array of rows written on the command line ({@code '[[0.05, 0.1]]'}), a
 * {@code .csv} file with a header, or a file holding a JSON array of rows. A CSV file is read by
 * column name when the model names its input columns ({@code network.inputColumns}, written by
 * {@code train --save} for CSV data), so their order in the file does not matter and other
 * columns are ignored; otherwise every column but the model's target columns is an input, in
 * order (so the training file itself can be given). MODEL must be trained: every weight and bias
 * written out. Outputs that overflow to an infinity or NaN are an error. A model is a
 * classifier when it names its classes ({@code network.classes}, written by {@code train --save}
 * for one-hot CSV data) or when its loss is cross_entropy or binary_cross_entropy; the predicted
 * class is then the largest output (or output &gt; 0.5 for a single output), by name when known.
 */
final class PredictCommand implements Command {
  private static final Set<String> CLASSIFICATION_LOSSES =
      Set.of("cross_entropy", "binary_cross_entropy");
  /** The decimal numbers a CSV value may be (no NaN, no infinities, no hexadecimal). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String arguments() {
    return "MODEL INPUT";
  }

  @Override
  public String summary() {
    return "prints the outputs (and classes) for INPUT: a CSV file, a JSON file, or a JSON"
        + " array of rows";
  }

  @Override
  public void run(List<String> args, Context context) {
    Arguments a = Arguments.parse(this, args, List.of("MODEL", "INPUT"), Set.of());
    Spec model = Spec.read(Path.of(a.positional(0)), context.components());
    NetworkSpec networkSpec = model.network(name());
    model.requireTrained(networkSpec, name());
    Network network = networkSpec.build(model.seed());
    String input = a.positional(1);
    Tensor x = read(input, model, networkSpec);
    if (x.cols() != network.inputs()) {
      throw new BadInputException(inputName(input) + ": rows have " + x.cols() + " values but"
          + " the model's network.inputs is " + network.inputs());
    }
    Tensor y = network.predict(x);
    int bad = y.firstNonFinite();
    if (bad >= 0) {
      int r = bad / y.cols();
      throw new BadInputException(inputName(input) + ": row " + (r + 1) + ": the model's"
          + " outputs are " + Arrays.toString(y.row(r)) + ", which are not all finite"
          + " numbers (the input is far outside what the model was trained on?)");
    }
    ObjectNode out = Json.object();
    out.set("outputs", Json.array(y));
    List<String> classes = networkSpec.classes();
    boolean classifier = classes != null || (model.lossOrNull() != null
        && CLASSIFICATION_LOSSES.contains(model.lossOrNull().name()));
    if (classifier) {
      ArrayNode predicted = out.putArray("predicted");
      for (int r = 0; r < y.rows(); r++) {
        int k = Classes.predictedClass(y, r);
        if (classes != null) {
          predicted.add(classes.get(k));
        } else {
          predicted.add(k);
        }
      }
    }
    context.out().print(Json.write(out));
  }

  private static String inputName(String input) {
    return input.strip().startsWith("[") ? "INPUT" : input;
  }

  private static Tensor read(String input, Spec model, NetworkSpec network) {
    if (input.strip().startsWith("[")) {
      return rows(JsonAt.root("INPUT", Json.parse(input.getBytes(StandardCharsets.UTF_8),
          "INPUT")));
    }
    Path file = Path.of(input);
    if (input.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return csv(file, model, network);
    }
    return rows(JsonAt.root(input, Json.read(file)));
  }

  /** A JSON array of equally long rows of finite numbers. */
  private static Tensor rows(JsonAt at) {
    List<JsonAt> rows = at.elements();
    if (rows.isEmpty()) {
      throw at.error("no rows; expected an array of input rows, as in [[0.05, 0.1]]");
    }
    int width = rows.get(0).elements().size();
    Tensor x = Tensor.zeros(rows.size(), width);
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r).numbers(width, " as in the first row");
      System.arraycopy(row, 0, x.data(), r * width, width);
    }
    return x;
  }

  /**
   * The model's input columns by name, or when it names none, every column but its target
   * columns, parsed as numbers.
   */
  private static Tensor csv(Path file, Spec model, NetworkSpec network) {
    CsvTable table;
    try {
      table = CsvReader.read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(file + ": cannot read the file (permission denied)", e);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      throw new BadInputException(message.startsWith(file.toString())
          ? message : file + ": " + message, e);
    }
    List<Integer> columns = new ArrayList<>();
    if (network.inputColumns() != null) {
      for (String name : network.inputColumns()) {
        int c = table.columns().indexOf(name);
        if (c < 0) {
          throw new BadInputException(file + ": no column '" + name + "', an input of the model"
              + " (network.inputColumns " + network.inputColumns() + "); the file has "
              + table.columns());
        }
        columns.add(c);
      }
    } else {
      List<String> targets = model.dataOrNull() instanceof DataSpec.Csv csv
          ? csv.targets() : List.of();
      for (int c = 0; c < table.columns().size(); c++) {
        if (!targets.contains(table.columns().get(c))) {
          columns.add(c);
        }
      }
    }
    Tensor x = Tensor.zeros(table.size(), columns.size());
    for (int r = 0; r < table.size(); r++) {
      List<String> row = table.row(r);
      for (int j = 0; j < columns.size(); j++) {
        String value = row.get(columns.get(j)).strip();
        double v = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!Double.isFinite(v)) {
          throw new BadInputException(file + ":" + table.lineOf(r) + ": column '"
              + Excerpt.of(table.columns().get(columns.get(j))) + "': expected a finite number,"
              + " got '" + Excerpt.of(row.get(columns.get(j))) + "'");
        }
        x.set(r, j, v);
      }
    }
    return x;
  }
}
