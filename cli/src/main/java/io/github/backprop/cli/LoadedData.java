package io.github.backprop.cli;

import io.github.backprop.data.CsvReader;
import io.github.backprop.data.CsvTable;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.LabeledDataset;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data sets of a spec, loaded and checked against the network and the loss.
 *
 * @param train the training set
 * @param validation the validation set, or null
 * @param classes the label of each output unit when known (from {@code network.classes}, or the
 *     sorted labels of a one-hot CSV column), else null
 * @param inputColumns the CSV column each input reads (from {@code network.inputColumns}, or the
 *     training file's input columns in their order), or null for rows written in the spec
 */
record LoadedData(Dataset train, Dataset validation, List<String> classes,
    List<String> inputColumns) {

  /**
   * Loads the data a spec names, reading CSV files now.
   *
   * @throws BadInputException if a file cannot be read or holds a bad value (file:line), or the
   *     widths do not fit the network, or the loss rejects the targets (JSON path)
   */
  static LoadedData load(DataSpec spec, NetworkSpec network, Loss loss) {
    CsvData trainCsv = CsvData.readIfCsv(spec);
    List<String> classes = network.classes();
    if (classes == null && trainCsv != null && trainCsv.csv().oneHot()) {
      classes = trainCsv.labeled().classes();
    }
    List<String> columns = network.inputColumns();
    if (columns == null && trainCsv != null) {
      columns = trainCsv.labeled().featureNames();
    }
    Dataset train = load(spec, trainCsv, network, loss, classes, columns);
    DataSpec v = spec.validation();
    Dataset validation = v == null
        ? null : load(v, CsvData.readIfCsv(v), network, loss, classes, columns);
    return new LoadedData(train, validation, classes, columns);
  }

  /**
   * @param csv the file read, when the spec names one
   * @param columns the input columns a CSV file must provide, in the network's order
   */
  private static Dataset load(DataSpec spec, CsvData csv, NetworkSpec network, Loss loss,
      List<String> classes, List<String> columns) {
    Dataset data;
    if (spec instanceof DataSpec.Inline inline) {
      data = new Dataset(inline.inputs(), inline.targets());
      checkWidth(spec.at().get("inputs"), data.inputWidth(), network.inputs(),
          "network.inputs is " + network.inputs());
      checkWidth(spec.at().get("targets"), data.targetWidth(), network.outputs(),
          "the output layer network.layers[" + (network.layers().size() - 1) + "] has "
              + network.outputs() + " units");
    } else {
      data = csv.toDataset(network, classes, columns);
    }
    String where = spec instanceof DataSpec.Csv c
        ? spec.at().get("csv").path() + " (" + c.file() + ") targets"
        : spec.at().get("targets").path();
    try {
      loss.checkTargets(where, data.targets());
    } catch (IllegalArgumentException e) {
      throw spec.at().fileError(e.getMessage());
    }
    return data;
  }

  private static void checkWidth(JsonAt at, int actual, int expected, String why) {
    if (actual != expected) {
      throw at.error("expected rows of " + expected + " values (" + why + "), got rows of "
          + actual);
    }
  }

  /** A CSV data set, read once: its table (for line numbers) and its values. */
  private record CsvData(DataSpec.Csv csv, CsvTable table, LabeledDataset labeled) {

    static CsvData readIfCsv(DataSpec spec) {
      if (!(spec instanceof DataSpec.Csv csv)) {
        return null;
      }
      CsvTable table = readTable(csv);
      try {
        return new CsvData(csv, table, table.toDataset(csv.targets(), csv.oneHot()));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }

    /**
     * @param knownClasses the output columns' classes, or null for this file's own (sorted)
     * @param columns the input columns by name, in the order the network reads them, or null
     *     to read them in the file's order (the training rows were written in the spec)
     */
    Dataset toDataset(NetworkSpec network, List<String> knownClasses, List<String> columns) {
      List<String> classes = knownClasses != null ? knownClasses : labeled.classes();
      JsonAt at = csv.at().get("csv");
      String output = "the output layer network.layers[" + (network.layers().size() - 1)
          + "] has " + network.outputs() + " units";
      if (labeled.data().inputWidth() != network.inputs()) {
        throw at.error(csv.file() + " has " + labeled.data().inputWidth() + " input columns "
            + labeled.featureNames() + " but network.inputs is " + network.inputs());
      }
      Tensor inputs = inputsIn(columns, at, network);
      if (!csv.oneHot()) {
        if (labeled.data().targetWidth() != network.outputs()) {
          throw at.error(csv.file() + " has " + labeled.data().targetWidth()
              + " target columns " + labeled.targetNames() + " but " + output);
        }
        return new Dataset(inputs, labeled.data().targets());
      }
      if (classes.size() != network.outputs()) {
        throw at.error(csv.file() + " has " + classes.size() + " classes " + classes
            + " in column '" + csv.targets().get(0) + "' but " + output);
      }
      return new Dataset(inputs, oneHot(classes));
    }

    /**
     * The input columns in the order of {@code columns}: a file whose columns come in another
     * order is read by name, and one without some of them is refused, so that no input is fed
     * to the weights of another.
     */
    private Tensor inputsIn(List<String> columns, JsonAt at, NetworkSpec network) {
      List<String> own = labeled.featureNames();
      Tensor inputs = labeled.data().inputs();
      if (columns == null || own.equals(columns)) {
        return inputs;
      }
      int[] source = new int[columns.size()];
      for (int j = 0; j < source.length; j++) {
        source[j] = own.indexOf(columns.get(j));
        if (source[j] < 0) {
          throw at.error(csv.file() + " has input columns " + own + " but the network reads "
              + columns + (network.inputColumns() != null ? " (network.inputColumns)"
                  : " (the input columns of the training file)"));
        }
      }
      Tensor out = Tensor.zeros(inputs.rows(), source.length);
      for (int r = 0; r < inputs.rows(); r++) {
        for (int j = 0; j < source.length; j++) {
          out.set(r, j, inputs.get(r, source[j]));
        }
      }
      return out;
    }

    /** The one-hot targets with columns in the order of {@code classes}. */
    private Tensor oneHot(List<String> classes) {
      Map<String, Integer> column = new HashMap<>();
      for (int k = 0; k < classes.size(); k++) {
        column.put(classes.get(k), k);
      }
      Tensor own = labeled.data().targets();
      Tensor out = Tensor.zeros(own.rows(), classes.size());
      for (int r = 0; r < own.rows(); r++) {
        String label = labeled.classes().get(Classes.argmax(own, r));
        Integer k = column.get(label);
        if (k == null) {
          throw new BadInputException(csv.file() + ":" + table.lineOf(r) + ": class '" + label
              + "' is not one of the network's classes " + classes);
        }
        out.set(r, k, 1.0);
      }
      return out;
    }
  }

  private static CsvTable readTable(DataSpec.Csv csv) {
    JsonAt at = csv.at().get("csv");
    try {
      return CsvReader.read(csv.file());
    } catch (NoSuchFileException e) {
      throw at.error("cannot read " + csv.file() + ": no such file");
    } catch (AccessDeniedException e) {
      throw at.error("cannot read " + csv.file() + ": permission denied");
    } catch (IOException e) {
      if (Files.isDirectory(csv.file())) {
        throw at.error("cannot read " + csv.file() + ": it is a directory");
      }
      String message = String.valueOf(e.getMessage());
      throw new BadInputException(message.startsWith(csv.file().toString())
          ? message : csv.file() + ": " + message, e);
    }
  }
}
