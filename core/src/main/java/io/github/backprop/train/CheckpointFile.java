package io.github.backprop.train;

import io.github.backprop.internal.Excerpt;
import io.github.backprop.internal.IoReason;
import io.github.backprop.internal.ReplaceFile;
import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Core's checkpoint file: UTF-8 text, whitespace-separated tokens, so it needs no library and
 * can be read by eye. Numbers are finite and written with {@link Double#toString(double)};
 * {@link Double#parseDouble} gives back the same bits, so a resumed run is exact.
 *
 * <pre>
 * backprop-checkpoint 1
 * epoch 2
 * parameters 2
 * parameter layers[0].weights 2 1 2        name, rank, dimensions, then the values
 * 0.15 0.2
 * parameter layers[0].bias 1 1
 * 0.35
 * optimizer adam
 * scalars 1
 * scalar step 4.0
 * arrays 4
 * array layers[0].weights exp_avg 2        parameter, slot, length, then the values
 * 0.0123 -0.004
 * ...
 * end
 * </pre>
 *
 * <p>Names may not contain whitespace (parameter names are JSON paths such as
 * {@code layers[0].weights}). Writing is atomic: a temporary file in the same directory,
 * flushed to disk, then renamed over the target, so a crash leaves the old checkpoint or the
 * new one, never half of one. Reading refuses files over {@value #MAX_BYTES} bytes and reports
 * errors as {@code file:line: expected ..., found ...}.
 *
 * <p>The reader accepts numbers only in the forms the writer writes: a value is an optional
 * minus, digits, an optional fraction and an optional exponent ({@code -1.5E-7}), and finite;
 * counts, dimensions, the epoch and the {@code step} scalar are whole numbers in range. Java
 * would also parse {@code NaN}, {@code Infinity}, {@code 0x1p-3}, {@code 1f} or {@code +2};
 * none of those comes from the writer, and a NaN weight would only show up later as a diverged
 * run, so they are format errors here.
 */
public final class CheckpointFile {
  static final String MAGIC = "backprop-checkpoint";
  static final int VERSION = 1;
  static final long MAX_BYTES = 1L << 30;
  /** The scalar {@link OptimizerState} documents as the number of steps taken. */
  static final String STEP = "step";
  /** The largest step count a double holds exactly, with every smaller one. */
  static final double MAX_STEP = 0x1p53;
  /** What {@link Double#toString(double)} writes for a finite value. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
  /** What {@link Integer#toString(int)} writes; unlike parseInt, no '+' and no non-ASCII digits. */
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
  /** Longer tokens are cut short in messages. */
  private static final int SHOWN_CHARS = 40;
  private static final int VALUES_PER_LINE = 8;

  private CheckpointFile() {}

  /** A writer that replaces {@code file} atomically with each checkpoint. */
  public static CheckpointWriter writer(Path file) {
    return new CheckpointWriter() {
      @Override
      public void write(Checkpoint checkpoint) throws IOException {
        CheckpointFile.write(file, checkpoint);
      }

      @Override
      public String toString() {
        return "CheckpointFile[" + file + "]";
      }
    };
  }

  /**
   * Writes the checkpoint to {@code file} atomically.
   *
   * @throws IllegalArgumentException if a name contains whitespace
   * @throws IOException if a value is NaN or infinite (nothing is written: the reader would
   *     refuse the file), or if creating, writing or renaming fails (the temporary file is
   *     removed); the message starts with {@code file}
   */
  public static void write(Path file, Checkpoint checkpoint) throws IOException {
    checkFinite(file, checkpoint);
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      // The JDK's message is the temporary file's name alone, which the caller never chose.
      throw new IOException(file + ": cannot create a file in " + target.getParent() + " ("
          + IoReason.of(e) + ")", e);
    }
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
          Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
        writeTo(out, checkpoint);
        out.flush();
        channel.force(true);
      } catch (IOException e) {
        throw new IOException(file + ": cannot write the checkpoint (" + IoReason.of(e) + ")", e);
      }
      try {
        ReplaceFile.moveOver(temp, target);
      } catch (IOException e) {
        // The JDK's message names the temporary file.
        throw new IOException(file + ": cannot replace the file (" + IoReason.of(e) + ")", e);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Training can leave non-finite numbers behind with a finite loss and gradients (Adam's
   * exp_avg_sq overflows once a gradient passes about 1e154); saving them would give a file that
   * {@link #read} refuses, so refuse here and keep the last good checkpoint.
   */
  private static void checkFinite(Path file, Checkpoint c) throws IOException {
    for (String name : c.parameterNames()) {
      checkFinite(file, name, c.parameter(name).data());
    }
    OptimizerState state = c.optimizerState();
    for (Map.Entry<String, Double> s : state.scalars().entrySet()) {
      if (!Double.isFinite(s.getValue())) {
        throw notFinite(file, "optimizer scalar " + s.getKey() + ": it is " + s.getValue());
      }
    }
    for (String parameter : state.parameterNames()) {
      for (String slot : state.slotNames(parameter)) {
        checkFinite(file, slot + " of " + parameter, state.array(parameter, slot));
      }
    }
  }

  private static void checkFinite(Path file, String what, double[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw notFinite(file, what + ": element " + i + " is " + values[i]);
      }
    }
  }

  private static IOException notFinite(Path file, String what) {
    return new IOException(file + ": cannot save " + what + ", and a checkpoint holds finite"
        + " numbers only (training overflowed; try scaled inputs or a smaller learningRate)");
  }


  private static void writeTo(Writer out, Checkpoint c) throws IOException {
    out.write(MAGIC + " " + VERSION + "\n");
    out.write("epoch " + c.epoch() + "\n");
    out.write("parameters " + c.parameterNames().size() + "\n");
    for (String name : c.parameterNames()) {
      Tensor t = c.parameter(name);
      StringBuilder header = new StringBuilder("parameter ").append(checkName(name))
          .append(' ').append(t.shape().rank());
      for (int d : t.shape().dims()) {
        header.append(' ').append(d);
      }
      out.write(header.append('\n').toString());
      writeValues(out, t.data());
    }
    OptimizerState state = c.optimizerState();
    out.write("optimizer " + checkName(state.optimizer()) + "\n");
    out.write("scalars " + state.scalars().size() + "\n");
    for (Map.Entry<String, Double> s : state.scalars().entrySet()) {
      out.write("scalar " + checkName(s.getKey()) + " " + s.getValue() + "\n");
    }
    int arrays = 0;
    for (String parameter : state.parameterNames()) {
      arrays += state.slotNames(parameter).size();
    }
    out.write("arrays " + arrays + "\n");
    for (String parameter : state.parameterNames()) {
      for (String slot : state.slotNames(parameter)) {
        double[] values = state.array(parameter, slot);
        out.write("array " + checkName(parameter) + " " + checkName(slot) + " " + values.length
            + "\n");
        writeValues(out, values);
      }
    }
    out.write("end\n");
  }

  private static void writeValues(Writer out, double[] values) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      line.append(values[i]);
      boolean endOfLine = (i + 1) % VALUES_PER_LINE == 0 || i == values.length - 1;
      line.append(endOfLine ? '\n' : ' ');
      if (endOfLine) {
        out.write(line.toString());
        line.setLength(0);
      }
    }
  }

  private static String checkName(String name) {
    if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "checkpoint: the name \"" + name + "\" is empty or contains whitespace, which the"
              + " text format cannot hold");
    }
    return name;
  }

  /**
   * Reads a checkpoint written by {@link #write}.
   *
   * @throws IOException if the file cannot be read, is too large, or is not a valid checkpoint
   *     (the message names the file and line)
   */
  public static Checkpoint read(Path file) throws IOException {
    return read(file, MAX_BYTES);
  }

  static Checkpoint read(Path file, long maxBytes) throws IOException {
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new IOException(
          file + ": " + size + " bytes is more than the " + maxBytes + " a checkpoint may have");
    }
    try (InputStream in = Files.newInputStream(file)) {
      Tokens t = new Tokens(file, in);
      t.expect(MAGIC);
      String version = t.next("the format version");
      if (!version.equals(Integer.toString(VERSION))) {
        throw t.error("format version " + VERSION + " (the only one this release reads)",
            shown(version));
      }
      t.expect("epoch");
      int epoch = t.nextInt("the epoch", 0, Integer.MAX_VALUE);
      t.expect("parameters");
      int count = t.nextCount("the number of parameters", size);
      Map<String, Tensor> parameters = new LinkedHashMap<>();
      for (int p = 0; p < count; p++) {
        t.expect("parameter");
        String name = t.next("a parameter name");
        int rank = t.nextInt("the rank of " + name, 1, 2);
        int[] dims = new int[rank];
        long elements = 1;
        for (int d = 0; d < rank; d++) {
          dims[d] = t.nextCount("dimension " + d + " of " + name, size);
          elements *= dims[d];
        }
        if (elements > size) {
          throw t.error("at most " + size + " values for " + name + " (the file's size)",
              Shape.of(dims).toString());
        }
        if (parameters.put(name, Tensor.wrap(t.nextDoubles((int) elements, name), dims)) != null) {
          throw t.error("each parameter once", name + " a second time");
        }
      }
      t.expect("optimizer");
      OptimizerState.Builder state = OptimizerState.builder(t.next("an optimizer name"));
      t.expect("scalars");
      int scalars = t.nextCount("the number of scalars", size);
      for (int s = 0; s < scalars; s++) {
        t.expect("scalar");
        String name = t.next("a scalar name");
        double value = t.nextDouble("scalar " + name);
        if (name.equals(STEP) && !(value >= 0 && value <= MAX_STEP && value == Math.rint(value))) {
          throw t.error("scalar " + STEP + " (a whole number between 0 and " + (long) MAX_STEP
              + ")", shown(t.last()));
        }
        try {
          state.scalar(name, value);
        } catch (IllegalArgumentException e) {
          throw t.error("each scalar once", name + " a second time");
        }
      }
      t.expect("arrays");
      int arrays = t.nextCount("the number of arrays", size);
      for (int a = 0; a < arrays; a++) {
        t.expect("array");
        String parameter = t.next("a parameter name");
        String slot = t.next("a slot name");
        int length = t.nextCount("the length of " + slot + " of " + parameter, size);
        double[] values = t.nextDoubles(length, slot + " of " + parameter);
        try {
          state.array(parameter, slot, values);
        } catch (IllegalArgumentException e) {
          throw t.error("each array once", slot + " of " + parameter + " a second time");
        }
      }
      t.expect("end");
      String extra = t.nextOrNull();
      if (extra != null) {
        throw t.error("nothing after end", extra);
      }
      return new Checkpoint(epoch, parameters, state.build());
    }
  }

  /** A token for a message: short whole numbers as they are, anything else quoted. */
  private static String shown(String token) {
    return token.length() <= SHOWN_CHARS && WHOLE.matcher(token).matches() ? token : quoted(token);
  }

  /** A token in quotes, cut short if long: a fuzzed file may hold one of a million characters. */
  private static String quoted(String token) {
    return Excerpt.quoted(token, '"');
  }

  /** Whitespace-separated tokens with the line each came from. */
  private static final class Tokens {
    private final Path file;
    private final InputStream in;
    /**
     * Reports malformed input (the default action), as a reader from Files.newBufferedReader
     * does; but that reader decodes a chunk ahead, so decoding line by line is what names the
     * line.
     */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] lineBytes = new byte[256];
    private String[] tokens = new String[0];
    private int index;
    private int line;

    Tokens(Path file, InputStream in) {
      this.file = file;
      this.in = in;
    }

    String nextOrNull() throws IOException {
      while (index == tokens.length) {
        String text = readLine();
        if (text == null) {
          return null;
        }
        String trimmed = text.strip();
        tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        index = 0;
      }
      return tokens[index++];
    }

    /** The token {@link #next} returned last. */
    String last() {
      return tokens[index - 1];
    }

    /** The next line without its '\n', decoded strictly, or null at the end of the file. */
    private String readLine() throws IOException {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          int n = in.read(buffer);
          if (n < 0) {
            if (!any) {
              return null;
            }
            break;
          }
          position = 0;
          limit = n;
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int n = position - start;
        if (length + n > lineBytes.length) {
          lineBytes = Arrays.copyOf(lineBytes, Math.max(2 * lineBytes.length, length + n));
        }
        System.arraycopy(buffer, start, lineBytes, length, n);
        length += n;
        if (position < limit) {
          position++;
          break;
        }
      }
      line++;
      try {
        return utf8.decode(ByteBuffer.wrap(lineBytes, 0, length)).toString();
      } catch (CharacterCodingException e) {
        throw new IOException(file + ":" + line + ": not valid UTF-8 text");
      }
    }

    String next(String what) throws IOException {
      String token = nextOrNull();
      if (token == null) {
        throw error(what, "the end of the file");
      }
      return token;
    }

    void expect(String keyword) throws IOException {
      String token = next("\"" + keyword + "\"");
      if (!token.equals(keyword)) {
        throw error("\"" + keyword + "\"", quoted(token));
      }
    }

    /** A whole number written as {@link Integer#toString(int)} writes it, in [min, max]. */
    int nextInt(String what, int min, int max) throws IOException {
      String token = next(what);
      if (!WHOLE.matcher(token).matches()) {
        throw error(what + " (a whole number)", shown(token));
      }
      int n;
      try {
        n = Integer.parseInt(token);
      } catch (NumberFormatException e) { // the digits are fine, so it is too large for an int
        throw error(what + " between " + min + " and " + max, shown(token));
      }
      if (n < min || n > max) {
        throw error(what + " between " + min + " and " + max, shown(token));
      }
      return n;
    }

    /** A whole number in [0, size of the file]: counts can never exceed the bytes there are. */
    int nextCount(String what, long fileSize) throws IOException {
      return nextInt(what, 0, (int) Math.min(fileSize, Integer.MAX_VALUE));
    }

    /** A finite number written as {@link Double#toString(double)} writes it. */
    double nextDouble(String what) throws IOException {
      String expected = "a finite number for " + what;
      String token = next(expected);
      if (!DECIMAL.matcher(token).matches()) {
        throw error(expected, shown(token));
      }
      double value = Double.parseDouble(token);
      if (!Double.isFinite(value)) { // 1E309 has the form but overflows to infinity
        throw error(expected, shown(token));
      }
      return value;
    }

    double[] nextDoubles(int n, String what) throws IOException {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = nextDouble(what);
      }
      return values;
    }

    IOException error(String expected, String found) {
      return new IOException(file + ":" + line + ": expected " + expected + ", found " + found);
    }
  }
}
