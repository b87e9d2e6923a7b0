package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {
  private static final String IRIS_HEADER =
      "sepal_length,sepal_width,petal_length,petal_width,species\n";

  @TempDir Path dir;

  private static CsvTable table(String text) throws IOException {
    return CsvReader.read(new StringReader(text), "iris.csv");
  }

  /** Ten good iris rows (lines 2 to 11) followed by {@code line12} on line 12. */
  private static CsvTable irisWithLine12(String line12) throws IOException {
    StringBuilder csv = new StringBuilder(IRIS_HEADER);
    for (int i = 0; i < 10; i++) {
      csv.append("5.1,3.5,1.4,0.2,setosa\n");
    }
    return table(csv.append(line12).append('\n').toString());
  }

  private static String failure(CsvTable table, List<String> targets, boolean oneHot) {
    return assertThrows(IllegalArgumentException.class, () -> table.toDataset(targets, oneHot))
        .getMessage();
  }

  @Test
  void toDataset_oneHot_featuresInHeaderOrderAndSortedClasses() throws IOException {
    CsvTable t =
        table(
            "species,sepal_length,petal_length\n"
                + "virginica,6.3,6.0\n"
                + "setosa,5.1,1.4\n"
                + "versicolor,7.0,4.7\n"
                + "setosa,4.9,1.4\n");
    LabeledDataset d = t.toDataset(List.of("species"), true);
    assertEquals(List.of("sepal_length", "petal_length"), d.featureNames());
    assertEquals(List.of("species"), d.targetNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), d.classes());
    assertTrue(d.isClassification());
    assertArrayEquals(
        new double[] {6.3, 6.0, 5.1, 1.4, 7.0, 4.7, 4.9, 1.4}, d.data().inputs().data());
    assertArrayEquals(
        new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0}, d.data().targets().data());
  }

  @Test
  void toDataset_numericLabels_sortedByValueNotText() throws IOException {
    CsvTable t = table("x,digit\n1,10\n2,9\n3,2\n4,-1\n5,2.5\n6,10\n");
    LabeledDataset d = t.toDataset(List.of("digit"), true);
    assertEquals(List.of("-1", "2", "2.5", "9", "10"), d.classes());
    assertEquals(4, (int) argmax(d.data().targets().row(0)));
    assertEquals(0, (int) argmax(d.data().targets().row(3)));
  }

  @Test
  void toDataset_classOrder_doesNotDependOnRowOrder() throws IOException {
    List<String> a = table("x,y\n1,b\n2,a\n3,c\n").toDataset(List.of("y"), true).classes();
    List<String> b = table("x,y\n1,c\n2,b\n3,a\n").toDataset(List.of("y"), true).classes();
    assertEquals(List.of("a", "b", "c"), a);
    assertEquals(a, b);
  }

  @Test
  void toDataset_mixedLabels_sortedAsText() throws IOException {
    CsvTable t = table("x,y\n1,b\n2,10\n3,9\n4,B\n");
    assertEquals(List.of("10", "9", "B", "b"), t.toDataset(List.of("y"), true).classes());
  }

  @Test
  void toDataset_numericTargets_parsedInListedOrder() throws IOException {
    CsvTable t = table("y2,x,y1\n1,2,3\n4,5,6\n");
    LabeledDataset d = t.toDataset(List.of("y1", "y2"), false);
    assertEquals(List.of("x"), d.featureNames());
    assertEquals(List.of("y1", "y2"), d.targetNames());
    assertEquals(List.of(), d.classes());
    assertFalse(d.isClassification());
    assertArrayEquals(new double[] {2, 5}, d.data().inputs().data());
    assertArrayEquals(new double[] {3, 1, 6, 4}, d.data().targets().data());
  }

  @Test
  void toDataset_numberFormats_decimalSignedExponentAndPaddedAccepted() throws IOException {
    CsvTable t = table("a,b,c,d,e,f,y\n1e3, 2.5 ,-.5,+3,7.,-0,0\n");
    assertArrayEquals(
        new double[] {1000, 2.5, -0.5, 3, 7, -0.0},
        t.toDataset(List.of("y"), false).data().inputs().data());
  }

  @Test
  void toDataset_fromFile_badNumber_messageGivesPathLineColumnAndValue() throws IOException {
    Path file = dir.resolve("iris.csv");
    StringBuilder csv = new StringBuilder(IRIS_HEADER);
    for (int i = 0; i < 10; i++) {
      csv.append("5.1,3.5,1.4,0.2,setosa\n");
    }
    Files.writeString(file, csv.append("5.0,abc,1.4,0.2,setosa\n"));
    CsvTable t = CsvReader.read(file);
    assertEquals(
        file + ":12: column 'sepal_width': expected a number, got 'abc'",
        failure(t, List.of("species"), true));
  }

  @Test
  void toDataset_badNumber_messageGivesLineColumnAndValue() throws IOException {
    assertEquals(
        "iris.csv:12: column 'sepal_width': expected a number, got 'abc'",
        failure(irisWithLine12("5.0,abc,1.4,0.2,setosa"), List.of("species"), true));
  }

  @Test
  void toDataset_badNumericTarget_namesTargetColumn() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i).append(",0.5\n");
    }
    CsvTable t = table(csv.append("1,setosa\n").toString());
    assertEquals(
        "iris.csv:12: column 'y': expected a number, got 'setosa'",
        failure(t, List.of("y"), false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "+inf"})
  void toDataset_nonFinite_rejectedWithValue(String value) throws IOException {
    assertEquals(
        "iris.csv:12: column 'petal_length': expected a finite number, got '" + value + "'",
        failure(irisWithLine12("5.0,3.0," + value + ",0.2,setosa"), List.of("species"), true));
  }

  @Test
  void toDataset_overflowingNumber_rejectedAsNonFinite() throws IOException {
    assertEquals(
        "iris.csv:12: column 'petal_width': expected a finite number, got '1e999',"
            + " beyond the range of a double",
        failure(irisWithLine12("5.0,3.0,1.4,1e999,setosa"), List.of("species"), true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1d", "0x10", "1,5", "1 2", "--1", "e5", "."})
  void toDataset_notADecimalNumber_rejected(String value) throws IOException {
    String quoted = "\"" + value + "\"";
    assertEquals(
        "iris.csv:12: column 'sepal_length': expected a number, got '" + value + "'",
        failure(irisWithLine12(quoted + ",3.0,1.4,0.2,setosa"), List.of("species"), true));
  }

  @Test
  void toDataset_emptyField_saysSoAndSuggestsImputing() throws IOException {
    assertEquals(
        "iris.csv:12: column 'sepal_width': expected a number, got an empty field ('');"
            + " missing values must be imputed or their rows dropped first",
        failure(irisWithLine12("5.0,,1.4,0.2,setosa"), List.of("species"), true));
  }

  @Test
  void toDataset_emptyLabel_rejectedWithLine() throws IOException {
    assertEquals(
        "iris.csv:12: column 'species': expected a class label, got an empty field (' ')",
        failure(irisWithLine12("5.0,3.0,1.4,0.2, "), List.of("species"), true));
  }

  @Test
  void toDataset_lineNumbers_countQuotedLineBreaksAndBlankLines() throws IOException {
    CsvTable t = table("x,y,note\n1,0,\"a\nb\"\n\noops,1,\"c\"\n");
    assertEquals(
        "iris.csv:5: column 'x': expected a number, got 'oops'",
        failure(t, List.of("note"), true));
  }

  @Test
  void toDataset_unknownTarget_listsHeaderAndSuggests() throws IOException {
    CsvTable t = irisWithLine12("5.0,3.0,1.4,0.2,setosa");
    assertEquals(
        "iris.csv: no column named 'specis'; the header has 'sepal_length', 'sepal_width',"
            + " 'petal_length', 'petal_width', 'species'. Did you mean 'species'?",
        failure(t, List.of("specis"), true));
    assertEquals(
        "iris.csv: no column named 'colour'; the header has 'sepal_length', 'sepal_width',"
            + " 'petal_length', 'petal_width', 'species'",
        failure(t, List.of("colour"), true));
  }

  @Test
  void toDataset_noTargets_rejectedListingHeader() throws IOException {
    assertEquals(
        "iris.csv: no target columns given; the header has 'a', 'b'",
        failure(table("a,b\n1,2\n"), List.of(), false));
  }

  @Test
  void toDataset_everyColumnATarget_rejected() throws IOException {
    assertEquals(
        "iris.csv: every column is a target, which leaves no features; the header has 'a', 'b'",
        failure(table("a,b\n1,2\n"), List.of("a", "b"), false));
  }

  @Test
  void toDataset_targetListedTwice_rejected() throws IOException {
    assertEquals(
        "iris.csv: target column 'b' is listed twice in the targets 'b', 'b'",
        failure(table("a,b,c\n1,2,3\n"), List.of("b", "b"), false));
  }

  @Test
  void toDataset_oneHotWithTwoTargets_rejected() throws IOException {
    assertEquals(
        "iris.csv: oneHot needs exactly one target column holding the class labels, got 2:"
            + " 'b', 'c'",
        failure(table("a,b,c\n1,2,3\n"), List.of("b", "c"), true));
  }

  @Test
  void column_unknown_listsHeader() throws IOException {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> table("a,b\n1,2\n").column("A"));
    assertEquals(
        "iris.csv: no column named 'A'; the header has 'a', 'b'. Did you mean 'a'?",
        e.getMessage());
  }

  @Test
  void toDataset_hugeCell_isShownByItsStartAndLength() throws IOException {
    String cell = "1".repeat(4_999_999) + "x";
    assertEquals("iris.csv:2: column 'a': expected a number, got '" + "1".repeat(40) + "...'"
        + " (5000000 characters)", failure(table("a,b\n" + cell + ",2\n"), List.of("b"), false));
  }

  @Test
  void toDataset_hugeHeader_listsItsFirstTenColumnsAndCountsTheRest() throws IOException {
    StringBuilder csv = new StringBuilder("c0");
    for (int c = 1; c < 100_000; c++) {
      csv.append(",c").append(c);
    }
    csv.append('\n').append("1,".repeat(99_999)).append("1\n");
    assertEquals("iris.csv: no column named 'y'; the header has 'c0', 'c1', 'c2', 'c3', 'c4', 'c5',"
        + " 'c6', 'c7', 'c8', 'c9' and 99990 more",
        failure(table(csv.toString()), List.of("y"), false));
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void column_unknownLongName_isShortenedAndGetsNoCostlySuggestion() throws IOException {
    String column = "n".repeat(200_000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> table(column + ",b\n1,2\n").column(column + "!"));
    assertEquals("iris.csv: no column named '" + "n".repeat(40) + "...' (200001 characters); the"
        + " header has '" + "n".repeat(40) + "...' (200000 characters), 'b'", e.getMessage());
  }

  @Test
  void rowAccess_isImmutableAndBoundsChecked() throws IOException {
    CsvTable t = table("a,b\n1,2\n");
    assertThrows(UnsupportedOperationException.class, () -> t.row(0).set(0, "x"));
    assertThrows(UnsupportedOperationException.class, () -> t.columns().add("c"));
    assertThrows(IndexOutOfBoundsException.class, () -> t.row(1));
    assertThrows(IndexOutOfBoundsException.class, () -> t.lineOf(-1));
  }

  @Test
  void labeledDataset_namesMustMatchWidths() {
    Dataset d = Dataset.of(new double[][] {{1, 2}}, new double[][] {{0, 1}});
    assertEquals(
        "LabeledDataset: 1 feature names for 2 input columns",
        assertThrows(
                IllegalArgumentException.class,
                () -> new LabeledDataset(d, List.of("a"), List.of("y"), List.of("p", "q")))
            .getMessage());
    assertEquals(
        "LabeledDataset: one-hot targets need one target name and one class per target column;"
            + " got 1 target names and 3 classes for 2 target columns",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new LabeledDataset(
                        d, List.of("a", "b"), List.of("y"), List.of("p", "q", "r")))
            .getMessage());
    assertEquals(
        "LabeledDataset: 1 target names for 2 target columns",
        assertThrows(
                IllegalArgumentException.class,
                () -> new LabeledDataset(d, List.of("a", "b"), List.of("y"), List.of()))
            .getMessage());
  }

  private static double argmax(double[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      best = row[i] > row[best] ? i : best;
    }
    return best;
  }
}
