package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  private static CsvTable parse(String text) throws IOException {
    return CsvReader.read(new StringReader(text), "t.csv");
  }

  private static IOException parseFails(String text) {
    return assertThrows(IOException.class, () -> parse(text));
  }

  @Test
  void read_file_givesHeaderRowsAndLines() throws IOException {
    Path file = dir.resolve("iris.csv");
    Files.writeString(file, "a,b,species\n1,2,setosa\n3,4,virginica\n");
    CsvTable table = CsvReader.read(file);
    assertEquals(file.toString(), table.source());
    assertEquals(List.of("a", "b", "species"), table.columns());
    assertEquals(2, table.size());
    assertEquals(List.of("3", "4", "virginica"), table.row(1));
    assertEquals(List.of("setosa", "virginica"), table.column("species"));
    assertEquals(2, table.lineOf(0));
    assertEquals(3, table.lineOf(1));
  }

  @Test
  void read_quotedFields_holdCommasQuotesAndLineBreaks() throws IOException {
    CsvTable table =
        parse(
            "name,note\r\n"
                + "\"Smith, J.\",\"said \"\"hi\"\"\"\r\n"
                + "\"two\r\nlines\",\"\"\r\n"
                + "last,x\r\n");
    assertEquals(List.of("Smith, J.", "said \"hi\""), table.row(0));
    assertEquals(List.of("two\r\nlines", ""), table.row(1));
    assertEquals(List.of("last", "x"), table.row(2));
    // The quoted line break moves the next record down a line.
    assertEquals(List.of(2, 3, 5), List.of(table.lineOf(0), table.lineOf(1), table.lineOf(2)));
  }

  @Test
  void read_lineEndings_crlfLfAndCrAreAllRecordEnds() throws IOException {
    CsvTable table = parse("a,b\r\n1,2\n3,4\r5,6");
    assertEquals(3, table.size());
    assertEquals(List.of("5", "6"), table.row(2));
    assertEquals(4, table.lineOf(2));
  }

  @Test
  void read_emptyFieldsAndTrailingComma_areEmptyStrings() throws IOException {
    CsvTable table = parse("a,b,c\n,,\n1,,3\n");
    assertEquals(List.of("", "", ""), table.row(0));
    assertEquals(List.of("1", "", "3"), table.row(1));
  }

  @Test
  void read_blankLinesAndNoFinalNewline_skippedAndCountedInLineNumbers() throws IOException {
    CsvTable table = parse("a,b\n\n1,2\r\n\r\n\n3,4");
    assertEquals(2, table.size());
    assertEquals(3, table.lineOf(0));
    assertEquals(6, table.lineOf(1));
  }

  @Test
  void read_byteOrderMark_isNotPartOfFirstColumnName() throws IOException {
    Path file = dir.resolve("excel.csv");
    Files.write(
        file,
        ("\uFEFFid,value\n1,2\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("id", "value"), CsvReader.read(file).columns());
  }

  @Test
  void read_valuesKeptExactly_spacesAndInnerQuotes() throws IOException {
    CsvTable table = parse("a,b\n 1 ,5'10\"\n");
    assertEquals(List.of(" 1 ", "5'10\""), table.row(0));
  }

  @Test
  void read_raggedRow_messageGivesFileLineAndBothCounts() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int c = 0; c < 65; c++) {
      csv.append(c == 0 ? "" : ",").append("p").append(c);
    }
    csv.append('\n');
    for (int line = 2; line <= 7; line++) {
      int fields = line == 7 ? 64 : 65;
      for (int c = 0; c < fields; c++) {
        csv.append(c == 0 ? "" : ",").append(c % 16);
      }
      csv.append('\n');
    }
    Path file = dir.resolve("digits.csv");
    Files.writeString(file, csv);
    IOException e = assertThrows(IOException.class, () -> CsvReader.read(file));
    assertEquals(file + ":7: expected 65 fields as in the header, got 64", e.getMessage());
  }

  @Test
  void read_rowWithTooManyFields_rejected() {
    assertEquals(
        "t.csv:3: expected 2 fields as in the header, got 3",
        parseFails("a,b\n1,2\n1,2,3\n").getMessage());
  }

  @Test
  void read_unclosedQuote_messageGivesLineWhereItOpened() {
    assertEquals(
        "t.csv:3: the quoted field 2 opened on this line is never closed",
        parseFails("a,b\n1,2\n3,\"four\n5,6\n").getMessage());
  }

  @Test
  void read_textAfterClosingQuote_messageExplainsEscaping() {
    assertEquals(
        "t.csv:2: field 1: expected a comma or the end of the line after the closing quote,"
            + " got 'x'; write a quote inside a quoted field as two quotes (\"\")",
        parseFails("a,b\n\"1\"x,2\n").getMessage());
  }

  @Test
  void read_duplicateColumnName_rejectedNamingBothFields() {
    assertEquals(
        "t.csv:1: column name 'x' appears twice in the header (fields 1 and 3)",
        parseFails("x,y,x\n1,2,3\n").getMessage());
  }

  @Test
  void read_emptyText_rejected() {
    assertEquals(
        "t.csv: the file is empty; expected a header line", parseFails("").getMessage());
    assertEquals(
        "t.csv: the file is empty; expected a header line", parseFails("\n\r\n").getMessage());
  }

  @Test
  void read_headerOnly_rejectedAsEmptyDataset() {
    assertEquals(
        "t.csv: no data rows after the header on line 1", parseFails("a,b\n\n").getMessage());
  }

  /** "a\n", then a row of {@code n} characters 'x' and "\n", made as they are read. */
  private static Reader rowOfLength(int n) {
    long end = 2L + n + 1;
    return new Reader() {
      private long next;

      @Override
      public int read(char[] into, int off, int len) {
        int count = (int) Math.min(len, end - next);
        if (count <= 0) {
          return -1;
        }
        for (int k = 0; k < count; k++, next++) {
          into[off + k] = next < 2 ? "a\n".charAt((int) next) : next < end - 1 ? 'x' : '\n';
        }
        return count;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void read_rowLongerThanTheCap_isRefusedWithItsLine() {
    IOException e = assertThrows(IOException.class,
        () -> CsvReader.read(rowOfLength(CsvReader.MAX_ROW_CHARS), "t.csv"));
    assertEquals("t.csv:2: expected a row of at most 16777216 characters, found a longer one;"
        + " is this a CSV text file?", e.getMessage());
  }

  @Test
  void read_rowAsLongAsTheCap_isRead() throws IOException {
    CsvTable table = CsvReader.read(rowOfLength(CsvReader.MAX_ROW_CHARS - 1), "t.csv");
    assertEquals(CsvReader.MAX_ROW_CHARS - 1, table.row(0).get(0).length());
  }

  @Test
  void read_repeatedLongColumnName_isShortened() {
    String name = "x".repeat(100_000);
    assertEquals("t.csv:1: column name '" + "x".repeat(40) + "...' (100000 characters) appears"
        + " twice in the header (fields 1 and 2)",
        parseFails(name + "," + name + "\n1,2\n").getMessage());
  }

  @Test
  void read_missingFile_isNoSuchFileNamingPath() {
    Path missing = dir.resolve("nope.csv");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> CsvReader.read(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  private IOException readFails(byte[] content) throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, content);
    return assertThrows(IOException.class, () -> CsvReader.read(file));
  }

  @Test
  void read_invalidUtf8_namesPathLineAndByte() throws IOException {
    IOException e = readFails(new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    assertEquals(dir.resolve("latin1.csv") + ":2: expected UTF-8 text, found the byte 0xE9 (is"
        + " the file in another encoding, such as Latin-1 or UTF-16?)", e.getMessage());
  }

  @Test
  void read_invalidUtf8_farIntoTheFile_namesItsExactLine() throws IOException {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.writeBytes("a,b\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 3000; i++) { // lines 2 to 6001, two to a record
      csv.writeBytes("1.25,\"two\r\nlines\"\n".getBytes(StandardCharsets.US_ASCII));
    }
    csv.writeBytes(new byte[] {'1', ',', (byte) 0xC3, '(', '\n'});
    String message = readFails(csv.toByteArray()).getMessage();
    assertTrue(message.startsWith(dir.resolve("latin1.csv") + ":6002: expected UTF-8 text, found"
        + " the byte 0xC3"), message);
  }

  @Test
  void read_invalidUtf8_rightAfterACarriageReturn_isOnTheNextLine() throws IOException {
    String message = readFails(new byte[] {'a', '\r', '1', '\r', (byte) 0xFF}).getMessage();
    assertTrue(message.startsWith(dir.resolve("latin1.csv") + ":3: expected UTF-8 text, found"
        + " the byte 0xFF"), message);
  }

  @Test
  void read_callersReaderFailingToDecode_namesNoExceptionClass() {
    Reader strict = new InputStreamReader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9}),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
    IOException e = assertThrows(IOException.class, () -> CsvReader.read(strict, "t.csv"));
    assertEquals("t.csv: not valid text at or after line 1", e.getMessage());
  }

  @Test
  void read_directory_failureNamesPath() {
    IOException e = assertThrows(IOException.class, () -> CsvReader.read(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void readResource_bundledFile_isRead() throws IOException {
    CsvTable table = CsvReader.readResource(CsvReaderTest.class, "tiny.csv");
    assertEquals("tiny.csv", table.source());
    assertEquals(4, table.size());
    LabeledDataset data = table.toDataset(List.of("label"), true);
    assertEquals(List.of("setosa", "versicolor", "virginica"), data.classes());
  }

  @Test
  void readResource_absoluteName_isRead() throws IOException {
    CsvTable table =
        CsvReader.readResource(Dataset.class, "/io/github/backprop/data/tiny.csv");
    assertEquals(List.of("x1", "x2", "label"), table.columns());
  }

  @Test
  void readResource_missing_isNoSuchFileNamingResourceAndAnchor() {
    NoSuchFileException e =
        assertThrows(
            NoSuchFileException.class,
            () -> CsvReader.readResource(CsvReaderTest.class, "absent.csv"));
    assertEquals(
        "absent.csv: no such resource on the class path next to "
            + CsvReaderTest.class.getName()
            + " (names without a leading '/' are relative to its package)",
        e.getMessage());
  }
}
