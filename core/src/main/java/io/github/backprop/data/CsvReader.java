package io.github.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
    try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
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
      return read(new Utf8Reader(in), resourceName);
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
              source + ":" + recordLine + ": column name " + CsvTable.quoted(header[i])
                  + " appears twice in the header (fields " + (before + 1) + " and " + (i + 1)
                  + ")");
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
      } catch (MalformedUtf8Exception e) {
        // A CR just read ends its line only once the peek after it has seen no LF, and that
        // peek is what failed: the bad bytes start the next line.
        int at = limit > 0 && buf[limit - 1] == '\r' ? line + 1 : line;
        throw new IOException(
            source + ":" + at + ": expected UTF-8 text, found " + e.getMessage()
                + " (is the file in another encoding, such as Latin-1 or UTF-16?)", e);
      } catch (CharacterCodingException e) {
        // From a caller's reader, which reports a whole buffer at once, lines late.
        throw new IOException(source + ": not valid text at or after line " + line, e);
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

  /**
   * Strict UTF-8 decoding that hands out every character before a malformed byte and reports the
   * byte only on the next read, when the parser has counted every line before it. (An
   * InputStreamReader reports it for its whole buffer of characters, up to thousands of lines
   * early.) Reads at least two characters at a time, as the parser does.
   */
  private static final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean end;

    Utf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] into, int off, int len) throws IOException {
      CharBuffer out = CharBuffer.wrap(into, off, len);
      while (true) {
        CoderResult result = decoder.decode(bytes, out, end);
        if (out.position() > off) {
          return out.position() - off; // a malformed byte stays in bytes for the next call
        }
        if (result.isError()) {
          throw new MalformedUtf8Exception(bytes, result.length());
        }
        if (end) {
          return -1;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          end = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Bytes that are not UTF-8; the message shows them: "the byte 0xE9". */
  private static final class MalformedUtf8Exception extends CharacterCodingException {
    private final String shown;

    MalformedUtf8Exception(ByteBuffer bytes, int length) {
      StringBuilder sb = new StringBuilder(length == 1 ? "the byte" : "the bytes");
      for (int i = 0; i < length; i++) {
        sb.append(String.format(" 0x%02X", bytes.get(bytes.position() + i)));
      }
      shown = sb.toString();
    }

    @Override
    public String getMessage() {
      return shown;
    }
  }
}
