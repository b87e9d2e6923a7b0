package io.github.backprop.train;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.Tensor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core's checkpoint file: plain text, whitespace-separated tokens, so it needs no library and
 * can be read by eye. Numbers are written with {@link Double#toString(double)} and read with
 * {@link Double#parseDouble}, which gives back the same bits, so a resumed run is exact.
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
 * scalar step 4
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
 */
public final class CheckpointFile {
  static final String MAGIC = "backprop-checkpoint";
  static final int VERSION = 1;
  static final long MAX_BYTES = 1L << 30;
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
   * @throws IOException if creating, writing or renaming fails (the temporary file is removed)
   */
  public static void write(Path file, Checkpoint checkpoint) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      // The JDK's message is the temporary file's name alone, which the caller never chose.
      throw new IOException(
          "cannot create a file in " + target.getParent() + " (" + reason(e) + ")", e);
    }
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
          Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
        writeTo(out, checkpoint);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The system's reason, which the JDK leaves out of the two commonest failures. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e instanceof FileSystemException f && f.getReason() != null
        ? f.getReason() : e.getMessage();
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
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Tokens t = new Tokens(file, in);
      t.expect(MAGIC);
      int version = t.nextInt("the format version");
      if (version != VERSION) {
        throw t.error("format version " + VERSION + " (the only one this release reads)",
            Integer.toString(version));
      }
      t.expect("epoch");
      int epoch = t.nextInt("the epoch");
      t.expect("parameters");
      int count = t.nextCount("the number of parameters", size);
      Map<String, Tensor> parameters = new LinkedHashMap<>();
      for (int p = 0; p < count; p++) {
        t.expect("parameter");
        String name = t.next("a parameter name");
        int rank = t.nextInt("the rank of " + name);
        if (rank < 1 || rank > 2) {
          throw t.error("rank 1 or 2 for " + name, Integer.toString(rank));
        }
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
        double value = t.nextDouble(name);
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

  /** Whitespace-separated tokens with the line each came from. */
  private static final class Tokens {
    private final Path file;
    private final BufferedReader in;
    private String[] tokens = new String[0];
    private int index;
    private int line;

    Tokens(Path file, BufferedReader in) {
      this.file = file;
      this.in = in;
    }

    String nextOrNull() throws IOException {
      while (index == tokens.length) {
        String text = in.readLine();
        if (text == null) {
          return null;
        }
        line++;
        String trimmed = text.strip();
        tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        index = 0;
      }
      return tokens[index++];
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
        throw error("\"" + keyword + "\"", "\"" + token + "\"");
      }
    }

    int nextInt(String what) throws IOException {
      String token = next(what);
      try {
        return Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw error(what + " (a whole number)", "\"" + token + "\"");
      }
    }

    /** A whole number in [0, size of the file]: counts can never exceed the bytes there are. */
    int nextCount(String what, long fileSize) throws IOException {
      int n = nextInt(what);
      if (n < 0 || n > fileSize) {
        throw error(what + " between 0 and " + fileSize, Integer.toString(n));
      }
      return n;
    }

    double nextDouble(String what) throws IOException {
      String token = next("a value of " + what);
      try {
        return Double.parseDouble(token);
      } catch (NumberFormatException e) {
        throw error("a value of " + what + " (a number)", "\"" + token + "\"");
      }
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
