package io.github.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a comma-separated file with a header line into a {@link CsvTable} of strings.
 *
 * <p>Use it for small tabular datasets (iris, wine, a spreadsheet export); every value is kept as
 * a {@code String} until {@link CsvTable#toDataset} converts the table, so it is not meant for
 * files of millions of values. For MNIST use {@link IdxReader}.
 *
 * <pre>{@code
 * CsvTable table = CsvReader.read(Path.of("iris.csv"));
 * LabeledDataset iris = table.toDataset(List.of("species"), true);
 * iris.classes();   // [setosa, versicolor, virginica]
 * }</pre>
 *
 * <p>Format, after RFC 4180: UTF-8 (a leading byte order mark is skipped); fields separated by
 * commas; records ended by CRLF, LF or CR; a field in double quotes may hold commas, line breaks
 * and quotes written twice ({@code "say ""hi"""}); a quote inside an unquoted field is kept as
 * an ordinary character. The first record is the header; its names must be distinct. Empty lines
 * between records are skipped. Every other record must have as many fields as the header, and
 * there must be at least one. Values are kept exactly as written, spaces included.
 *
 * <p>A record may be at most {@value #MAX_ROW_CHARS} characters long, its line break included, so
 * that a file that is not CSV text ({@code /dev/zero}, a disk image) is refused instead of
 * filling the memory with one line.
 *
 * <p>Errors name the source and the line: {@code iris.csv:7: expected 5 fields as in the header,
 * got 4}. Static methods only; thread-safe.
 */
public final class CsvReader {
  /** The most characters a record may hold, its commas and line breaks included. */
  static final int MAX_ROW_CHARS = 1 << 24;

  private CsvReader() {}

  /**
   * Reads a UTF-8 CSV file.
   *
   * @param file the file; its path prefixes every error message
   * @return the header and the rows as strings
   * @throws java.nio.file.NoSuchFileException if the file does not exist (message: the path)
   * @throws IOException if the file cannot be read, is not UTF-8, or is not well-formed CSV;
   *     the message names the path and, where it applies, the line
   */
  public static CsvTable read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    // Files.newBufferedReader reports malformed input rather than silently replacing it with
    // U+FFFD; Parser.fill adds the path and line that its MalformedInputException lacks.
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    }
  }

  /**
   * Reads CSV text from {@code r}, which is not closed.
   *
   * @param r the text
   * @param sourceName names the text in error messages, as a file name would
   * @return the header and the rows as strings
   * @throws IOException if {@code r} fails or the text is not well-formed CSV
   */
  public static CsvTable read(Reader r, String sourceName) throws IOException {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(sourceName, "sourceName");
    return new Parser(r, sourceName).table();
  }

  /**
   * Reads a CSV resource bundled on the class path, found as
   * {@code anchor.getResourceAsStream(resourceName)} finds it: relative to the anchor's package,
   * or absolute with a leading {@code /}.
   *
   * @param anchor the class the name is resolved against
   * @param resourceName the resource, for example {@code "iris.csv"}; it names the source in
   *     error messages
   * @return the header and the rows as strings
   * @throws java.nio.file.NoSuchFileException if there is no such resource
   * @throws IOException if it cannot be read or is not well-formed UTF-8 CSV
   */
  public static CsvTable readResource(Class<?> anchor, String resourceName) throws IOException {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(resourceName, "resourceName");
    try (InputStream in = anchor.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new NoSuchFileException(
            resourceName, null,
            "no such resource on the class path next to " + anchor.getName()
                + " (names without a leading '/' are relative to its package)");
      }
      Reader reader =
          new InputStreamReader(
              in,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));
      return read(reader, resourceName);
    }
  }

  /** A one-pass state machine over the characters; keeps the line where each record starts. */
  private static final class Parser {
    private final Reader in;
    private final String source;
    private final char[] buf = new char[8192];
    private int pos;
    private int limit;
    private int line = 1;
    private int recordLine;
    /** Characters read so far, and the count at which the current record becomes too long. */
    private long consumed;
    private long recordLimit = Long.MAX_VALUE;

    Parser(Reader in, String source) {
      this.in = in;
      this.source = source;
    }

    CsvTable table() throws IOException {
      if (peek() == '\uFEFF') {
        read();
      }
      String[] header = next();
      if (header == null) {
        throw new IOException(source + ": the file is empty; expected a header line");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        Integer before = seen.putIfAbsent(header[i], i);
        if (before != null) {
          throw new IOException(
              source + ":" + recordLine + ": column name '" + header[i] + "' appears twice in"
                  + " the header (fields " + (before + 1) + " and " + (i + 1) + ")");
        }
      }
      int headerLine = recordLine;
      List<String[]> rows = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      for (String[] row = next(); row != null; row = next()) {
        if (row.length != header.length) {
          throw new IOException(
              source + ":" + recordLine + ": expected " + header.length
                  + " fields as in the header, got " + row.length);
        }
        rows.add(row);
        lines.add(recordLine);
      }
      if (rows.isEmpty()) {
        throw new IOException(
            source + ": no data rows after the header on line " + headerLine);
      }
      int[] lineArray = new int[lines.size()];
      for (int i = 0; i < lineArray.length; i++) {
        lineArray[i] = lines.get(i);
      }
      return new CsvTable(source, List.of(header), rows, lineArray);
    }

    /** The next record's fields, or null at the end; sets {@link #recordLine}. */
    private String[] next() throws IOException {
      recordLimit = Long.MAX_VALUE; // empty lines belong to no record
      int c = read();
      while (c == '\n' || c == '\r') { // empty lines
        endLine(c);
        c = read();
      }
      if (c == -1) {
        return null;
      }
      recordLine = line;
      recordLimit = consumed - 1 + MAX_ROW_CHARS;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      while (true) {
        if (c == '"') {
          int openedOn = line;
          while (true) {
            c = read();
            if (c == -1) {
              throw new IOException(
                  source + ":" + openedOn + ": the quoted field " + (fields.size() + 1)
                      + " opened on this line is never closed");
            }
            if (c == '"') {
              c = read();
              if (c != '"') {
                break; // the closing quote; c is the character after it
              }
            } else if (c == '\r' || c == '\n') {
              if (c == '\r' && peek() == '\n') {
                field.append('\r');
                c = read();
              }
              line++;
            }
            field.append((char) c);
          }
          if (c != ',' && c != '\r' && c != '\n' && c != -1) {
            throw new IOException(
                source + ":" + line + ": field " + (fields.size() + 1) + ": expected a comma or"
                    + " the end of the line after the closing quote, got '" + (char) c
                    + "'; write a quote inside a quoted field as two quotes (\"\")");
          }
        } else {
          while (c != ',' && c != '\r' && c != '\n' && c != -1) {
            field.append((char) c);
            c = read();
          }
        }
        fields.add(field.toString());
        field.setLength(0);
        if (c != ',') {
          endLine(c);
          return fields.toArray(new String[0]);
        }
        c = read();
      }
    }

    /** Consumes the rest of a line break that started with {@code c} (CR, LF, or EOF). */
    private void endLine(int c) throws IOException {
      if (c == -1) {
        return;
      }
      if (c == '\r' && peek() == '\n') {
        read();
      }
      line++;
    }

    private int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      if (++consumed > recordLimit) {
        throw new IOException(
            source + ":" + recordLine + ": expected a row of at most " + MAX_ROW_CHARS
                + " characters, found a longer one; is this a CSV text file?");
      }
      return buf[pos++];
    }

    private int peek() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos];
    }

    private boolean fill() throws IOException {
      int n;
      try {
        do {
          n = in.read(buf, 0, buf.length);
        } while (n == 0);
      } catch (CharacterCodingException e) {
        throw new IOException(
            source + ": not valid UTF-8 text at or after line " + line + " (" + e + ")", e);
      } catch (IOException e) {
        throw new IOException(source + ":" + line + ": could not read: " + e.getMessage(), e);
      }
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }
  }
}
