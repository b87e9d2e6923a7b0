package io.github.backprop.data;

import io.github.backprop.internal.Excerpt;
import io.github.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contents of a CSV file as read by {@link CsvReader}: the header's column names and the
 * rows, every value a string as written in the file.
 *
 * <p>Use {@link #toDataset} to turn it into numbers for training; the other methods are for
 * looking at the data first.
 *
 * <pre>{@code
 * CsvTable table = CsvReader.read(Path.of("iris.csv"));
 * table.columns();                                   // [sepal_length, ..., species]
 * LabeledDataset iris = table.toDataset(List.of("species"), true);
 * }</pre>
 *
 * <p>Contract: every row has {@code columns().size()} values; there is at least one row. Each
 * row remembers the line of the file it started on, and conversion errors name it as
 * {@code source:line}. Immutable and thread-safe.
 */
public final class CsvTable {
  // A decimal number, optionally signed, with optional exponent. Stricter than
  // Double.parseDouble, which would also take "1d", "0x1p3" and "NaN".
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  /** How much of a value, and how many names of a list, a message shows. */
  private static final int SHOWN_NAMES = 10;
  /** Longer names get no "did you mean": nobody types them, and the distance takes long. */
  private static final int SUGGESTED_CHARS = 100;

  private final String source;
  private final List<String> columns;
  private final List<String[]> rows;
  private final int[] lines;

  CsvTable(String source, List<String> columns, List<String[]> rows, int[] lines) {
    this.source = source;
    this.columns = columns;
    this.rows = rows;
    this.lines = lines;
  }

  /** The file name or other source name given when reading; prefixes error messages. */
  public String source() {
    return source;
  }

  /** The header's column names, in file order; immutable. */
  public List<String> columns() {
    return columns;
  }

  /** The number of data rows (the header not counted); at least 1. */
  public int size() {
    return rows.size();
  }

  /**
   * One data row's values, in column order.
   *
   * @param row in [0, size())
   * @return an immutable list of {@code columns().size()} values
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public List<String> row(int row) {
    return List.of(rows.get(row));
  }

  /**
   * The line of the file on which a data row starts (the header is usually line 1), for error
   * messages of your own.
   *
   * @param row in [0, size())
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public int lineOf(int row) {
    Objects.checkIndex(row, rows.size());
    return lines[row];
  }

  /**
   * One column's values, top to bottom.
   *
   * @param name a header name
   * @return an immutable list of {@code size()} values
   * @throws IllegalArgumentException if there is no such column; the message lists the header
   *     (its first ten names, if it has more)
   */
  public List<String> column(String name) {
    int c = indexOf(name);
    String[] values = new String[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = rows.get(r)[c];
    }
    return List.of(values);
  }

  /**
   * Converts the table to numbers: the target columns become the targets and every other column,
   * in header order, a feature.
   *
   * <p>With {@code oneHot} false, each target column is parsed as a number. With {@code oneHot}
   * true, there must be exactly one target column; each distinct string in it is a class, and a
   * row's target is 1 in its class's column and 0 elsewhere. The classes are sorted so that the
   * columns do not depend on row order: numerically when every label is a number (so "10" comes
   * after "9"), otherwise lexicographically by {@link String#compareTo}.
   *
   * <p>Feature values (and numeric targets) must be decimal numbers such as {@code 3}, {@code
   * -0.5} or {@code 1.2e-3}, with optional surrounding spaces. Empty fields, other text, NaN and
   * infinities are rejected, since a network cannot learn from them; impute or drop such rows
   * first.
   *
   * @param targetColumns the names of the target columns, at least one, distinct
   * @param oneHot whether to encode the single target column as one-hot classes
   * @return inputs of shape [rows, features] and targets of shape [rows, targets] or
   *     [rows, classes], with the column names and the classes
   * @throws IllegalArgumentException if a target column is unknown (the message lists the
   *     header, up to ten names), none or all columns are targets, {@code oneHot} is set with
   *     several target columns, or a value is not a finite number or is an empty label (the
   *     message gives {@code source:line}, the column, and the value found, long values cut)
   */
  public LabeledDataset toDataset(List<String> targetColumns, boolean oneHot) {
    Objects.requireNonNull(targetColumns, "targetColumns");
    if (targetColumns.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": no target columns given; the header has " + quoted(columns));
    }
    Set<Integer> targetSet = new LinkedHashSet<>();
    for (String name : targetColumns) {
      if (!targetSet.add(indexOf(Objects.requireNonNull(name, "target column name")))) {
        throw new IllegalArgumentException(
            source + ": target column " + quoted(name) + " is listed twice in the targets "
                + quoted(targetColumns));
      }
    }
    int[] targets = targetSet.stream().mapToInt(Integer::intValue).toArray();
    int[] features = new int[columns.size() - targets.length];
    int f = 0;
    for (int c = 0; c < columns.size(); c++) {
      if (!targetSet.contains(c)) {
        features[f++] = c;
      }
    }
    if (features.length == 0) {
      throw new IllegalArgumentException(
          source + ": every column is a target, which leaves no features; the header has "
              + quoted(columns));
    }
    if (oneHot && targets.length != 1) {
      throw new IllegalArgumentException(
          source + ": oneHot needs exactly one target column holding the class labels, got "
              + targets.length + ": " + quoted(targetColumns));
    }
    Tensor inputs = parseColumns(features);
    List<String> featureNames = names(features);
    List<String> targetNames = names(targets);
    if (!oneHot) {
      return new LabeledDataset(
          new Dataset(inputs, parseColumns(targets)), featureNames, targetNames, List.of());
    }
    int labelColumn = targets[0];
    List<String> classes = classesOf(labelColumn);
    Map<String, Integer> classIndex = new HashMap<>();
    for (int k = 0; k < classes.size(); k++) {
      classIndex.put(classes.get(k), k);
    }
    Tensor oneHotTargets = Tensor.zeros(rows.size(), classes.size());
    for (int r = 0; r < rows.size(); r++) {
      oneHotTargets.set(r, classIndex.get(rows.get(r)[labelColumn]), 1.0);
    }
    return new LabeledDataset(
        new Dataset(inputs, oneHotTargets), featureNames, targetNames, classes);
  }

  @Override
  public String toString() {
    return "CsvTable[source=" + source + ", columns=" + columns + ", rows=" + rows.size() + "]";
  }

  private Tensor parseColumns(int[] cols) {
    Tensor t = Tensor.zeros(rows.size(), cols.length);
    double[] data = t.data();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int j = 0; j < cols.length; j++) {
        data[r * cols.length + j] = parse(row[cols[j]], r, cols[j]);
      }
    }
    return t;
  }

  private double parse(String raw, int row, int col) {
    String s = raw.strip();
    if (NUMBER.matcher(s).matches()) {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
      throw valueError(row, col, "expected a finite number, got " + quoted(raw) + ", beyond the"
          + " range of a double");
    }
    if (NON_FINITE.matcher(s).matches()) {
      throw valueError(row, col, "expected a finite number, got " + quoted(raw));
    }
    if (s.isEmpty()) {
      throw valueError(row, col, "expected a number, got an empty field (" + quoted(raw) + ");"
          + " missing values must be imputed or their rows dropped first");
    }
    throw valueError(row, col, "expected a number, got " + quoted(raw));
  }

  private IllegalArgumentException valueError(int row, int col, String what) {
    return new IllegalArgumentException(
        source + ":" + lines[row] + ": column " + quoted(columns.get(col)) + ": " + what);
  }

  private List<String> classesOf(int col) {
    Set<String> distinct = new LinkedHashSet<>();
    boolean allNumeric = true;
    for (int r = 0; r < rows.size(); r++) {
      String label = rows.get(r)[col];
      if (label.isBlank()) {
        throw valueError(r, col, "expected a class label, got an empty field (" + quoted(label)
            + ")");
      }
      if (distinct.add(label)) {
        allNumeric &= NUMBER.matcher(label.strip()).matches();
      }
    }
    String[] classes = distinct.toArray(new String[0]);
    Comparator<String> order =
        allNumeric
            // Ties in value ("1" and "1.0" are different labels) fall back to the text.
            ? Comparator.<String>comparingDouble(s -> Double.parseDouble(s.strip()))
                .thenComparing(Comparator.naturalOrder())
            : Comparator.naturalOrder();
    Arrays.sort(classes, order);
    return List.of(classes);
  }

  private List<String> names(int[] cols) {
    List<String> names = new ArrayList<>(cols.length);
    for (int c : cols) {
      names.add(columns.get(c));
    }
    return List.copyOf(names);
  }

  private int indexOf(String name) {
    int c = columns.indexOf(name);
    if (c >= 0) {
      return c;
    }
    StringBuilder message =
        new StringBuilder(source)
            .append(": no column named ")
            .append(quoted(name))
            .append("; the header has ")
            .append(quoted(columns));
    String suggestion = closest(name);
    if (suggestion != null) {
      message.append(". Did you mean ").append(quoted(suggestion)).append("?");
    }
    throw new IllegalArgumentException(message.toString());
  }

  /** The column whose name is nearest to {@code name}, if it is a plausible typo. */
  private String closest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String column : columns) {
      int d =
          column.equalsIgnoreCase(name.strip()) ? 0
              : name.length() > SUGGESTED_CHARS ? Integer.MAX_VALUE
              : editDistance(column, name);
      if (d < bestDistance) {
        best = column;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** A value as a message quotes it: {@code 'x1'}, cut short if long (see {@link Excerpt}). */
  static String quoted(String value) {
    return Excerpt.quoted(value, '\'');
  }

  /** Names quoted, the first ten of a longer list and how many more: {@code 'a', 'b'}. */
  private static String quoted(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(names.size(), SHOWN_NAMES); i++) {
      sb.append(i == 0 ? "" : ", ").append(quoted(names.get(i)));
    }
    if (names.size() > SHOWN_NAMES) {
      sb.append(" and ").append(names.size() - SHOWN_NAMES).append(" more");
    }
    return sb.toString();
  }
}
