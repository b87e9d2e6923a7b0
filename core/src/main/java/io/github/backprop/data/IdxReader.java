package io.github.backprop.data;

import io.github.backprop.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files in which MNIST and Fashion-MNIST are distributed, plain or gzip-compressed.
 *
 * <pre>{@code
 * Dataset train = IdxReader.readDataset(
 *     Path.of("train-images-idx3-ubyte.gz"), Path.of("train-labels-idx1-ubyte.gz"), 10);
 * train.inputs().shape();    // [60000, 784], pixels in [0, 1]
 * train.targets().shape();   // [60000, 10], one-hot
 * }</pre>
 *
 * <p>Format (big-endian): a 4-byte magic number, {@code 0x00000803} for images (unsigned bytes,
 * three dimensions) or {@code 0x00000801} for labels (unsigned bytes, one dimension); then each
 * dimension as a 4-byte integer; then the values, one byte each, row-major. Gzip files are
 * recognised by their content, whatever their name.
 *
 * <p>The header is checked before anything large is allocated, so a corrupt or hostile header
 * fails with a message rather than an {@link OutOfMemoryError}: for a plain file the size the
 * header implies must equal the file's size; for a gzip file, whose decompressed size is unknown
 * in advance, the buffer grows only as data actually arrives, and running out early is reported
 * with the byte counts. Static methods only; thread-safe.
 *
 * <p>Reference: Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits",
 * which defines the format.
 */
public final class IdxReader {
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;
  /** Largest value count a double[] can hold (the same limit Shape.size applies). */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
  /** First buffer size when the decompressed size is unknown; doubled as data arrives. */
  private static final int FIRST_CHUNK = 1 << 16;

  private IdxReader() {}

  /**
   * Reads an IDX image file: n images of rows x cols pixels, flattened row by row, scaled from
   * 0..255 to [0, 1].
   *
   * @param file the file, plain or gzip
   * @return shape [n, rows * cols]
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if the magic number is not {@code 0x00000803}, the header does not
   *     agree with the amount of data (the message gives both byte counts), or reading fails;
   *     the message names the file
   */
  public static Tensor readImages(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Input in = Input.open(file)) {
      in.checkMagic(IMAGES_MAGIC, "image");
      int n = in.readDimension("image count");
      int rows = in.readDimension("row count");
      int cols = in.readDimension("column count");
      String claim = n + " images of " + rows + "x" + cols + " pixels";
      long values = multiply(multiply(n, rows), cols);
      in.checkSize(values, claim);
      checkArrayLimit(file, Math.max(values, (long) rows * cols),
          claim + " (" + describeCount(values) + " values)");
      byte[] bytes = in.readPayload((int) values, claim);
      double[] data = new double[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        data[i] = (bytes[i] & 0xFF) / 255.0;
      }
      return Tensor.wrap(data, n, rows * cols);
    }
  }

  /**
   * Reads an IDX label file as one-hot rows: label k becomes a row with 1 in column k.
   *
   * @param file the file, plain or gzip
   * @param classes the number of classes (10 for MNIST); every label must be below it
   * @return shape [n, classes]
   * @throws IllegalArgumentException if {@code classes} is not positive
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if the magic number is not {@code 0x00000801}, the header does not agree
   *     with the amount of data, a label is not below {@code classes} (the message gives the
   *     label and its index), or reading fails; the message names the file
   */
  public static Tensor readLabels(Path file, int classes) throws IOException {
    Objects.requireNonNull(file, "file");
    if (classes <= 0) {
      throw new IllegalArgumentException(
          "IdxReader.readLabels: classes must be positive, got " + classes);
    }
    try (Input in = Input.open(file)) {
      in.checkMagic(LABELS_MAGIC, "label");
      int n = in.readDimension("label count");
      String claim = n + " labels";
      in.checkSize(n, claim);
      checkArrayLimit(
          file, (long) n * classes,
          claim + " (" + (long) n * classes + " values one-hot over " + classes + " classes)");
      byte[] labels = in.readPayload(n, claim);
      Tensor oneHot = Tensor.zeros(n, classes);
      double[] data = oneHot.data();
      for (int i = 0; i < n; i++) {
        int label = labels[i] & 0xFF;
        if (label >= classes) {
          throw new IOException(
              file + ": label " + label + " at index " + i + " is not below classes=" + classes
                  + "; pass the dataset's real number of classes");
        }
        data[i * classes + label] = 1.0;
      }
      return oneHot;
    }
  }

  /**
   * Reads an image file and its label file as one dataset.
   *
   * @param images the image file, plain or gzip
   * @param labels the label file, plain or gzip
   * @param classes the number of classes
   * @return inputs of shape [n, rows * cols] in [0, 1] and one-hot targets of shape [n, classes]
   * @throws IllegalArgumentException if {@code classes} is not positive
   * @throws IOException as {@link #readImages} and {@link #readLabels} do, or if the two files
   *     hold different numbers of items (the message gives both)
   */
  public static Dataset readDataset(Path images, Path labels, int classes) throws IOException {
    Tensor inputs = readImages(images);
    Tensor targets = readLabels(labels, classes);
    if (inputs.rows() != targets.rows()) {
      throw new IOException(
          images + " holds " + inputs.rows() + " images but " + labels + " holds "
              + targets.rows() + " labels; they should come from the same release");
    }
    return new Dataset(inputs, targets);
  }

  private static void checkArrayLimit(Path file, long values, String what) throws IOException {
    if (values > MAX_VALUES) {
      throw new IOException(
          file + ": the header claims " + what + ", more than a Java array holds ("
              + MAX_VALUES + "); the header is corrupt");
    }
  }

  /** a * b, or Long.MAX_VALUE if that overflows (three int dimensions can exceed a long). */
  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String describeCount(long count) {
    return count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(count);
  }

  /** The file's bytes, decompressed when gzip, with header reads that report truncation. */
  private static final class Input implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private final boolean gzip;
    /** The file's size when plain; -1 when gzip. */
    private final long size;
    private long position;

    private Input(Path file, InputStream in, boolean gzip, long size) {
      this.file = file;
      this.in = in;
      this.gzip = gzip;
      this.size = size;
    }

    static Input open(Path file) throws IOException {
      long size = Files.size(file);
      BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file));
      try {
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        if (gzip) {
          return new Input(file, new GZIPInputStream(raw), true, -1);
        }
        return new Input(file, raw, false, size);
      } catch (IOException e) {
        raw.close();
        throw new IOException(file + ": " + describe(e), e);
      }
    }

    void checkMagic(int expected, String kind) throws IOException {
      int magic = readInt("magic number");
      if (magic != expected) {
        String hint = "";
        if (magic == IMAGES_MAGIC) {
          hint = "; that is an image file's magic, so the image and label files may be swapped";
        } else if (magic == LABELS_MAGIC) {
          hint = "; that is a label file's magic, so the image and label files may be swapped";
        } else if ((magic >>> 16) != 0) {
          hint = "; this does not look like an IDX file at all";
        }
        throw new IOException(
            file + ": magic number is " + hex(magic) + " but an IDX " + kind + " file starts"
                + " with " + hex(expected) + " (unsigned bytes, " + (expected & 0xFF)
                + (expected == LABELS_MAGIC ? " dimension)" : " dimensions)") + hint);
      }
    }

    int readDimension(String what) throws IOException {
      int d = readInt(what);
      if (d < 0) {
        throw new IOException(
            file + ": the header gives a negative " + what + " (" + d + "); it is corrupt");
      }
      return d;
    }

    /**
     * For a plain file, checks that the header plus {@code count} data bytes is exactly the file's
     * size, before anything is allocated. A gzip file's decompressed size is unknown until it is
     * read, so {@link #readPayload} checks that one as it goes.
     */
    void checkSize(long count, String claim) throws IOException {
      if (gzip) {
        return;
      }
      long expected = count == Long.MAX_VALUE ? count : position + count;
      if (size != expected) {
        throw new IOException(
            file + ": the header claims " + claim + ", which needs " + describeCount(expected)
                + " bytes (" + position + "-byte header + " + describeCount(count)
                + " data bytes), but the file has " + size + " bytes; "
                + (size < expected ? "it is truncated" : "it has extra data")
                + " or its header is wrong");
      }
    }

    /**
     * Reads exactly {@code count} bytes after the header and checks that nothing follows them.
     * For gzip, the buffer grows as data arrives, so a header that lies about the size costs at
     * most twice the data really present.
     */
    byte[] readPayload(int count, String claim) throws IOException {
      if (!gzip) {
        byte[] bytes = new byte[count];
        readFully(bytes, claim, count);
        return bytes;
      }
      long header = position;
      byte[] bytes = new byte[Math.min(count, FIRST_CHUNK)];
      int filled = 0;
      while (filled < count) {
        if (filled == bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(count, 2L * bytes.length));
        }
        int n = readChunk(bytes, filled, bytes.length - filled);
        if (n < 0) {
          throw truncated(claim, count, filled);
        }
        filled += n;
      }
      if (readChunk(new byte[1], 0, 1) > 0) {
        throw new IOException(
            file + ": the header claims " + claim + " (" + count + " data bytes after the "
                + header + "-byte header) but the decompressed data goes on beyond them;"
                + " the header is wrong");
      }
      return bytes;
    }

    private void readFully(byte[] b, String claim, long count) throws IOException {
      int done = 0;
      while (done < b.length) {
        int n = readChunk(b, done, b.length - done);
        if (n < 0) { // the file shrank after we measured it
          throw truncated(claim, count, done);
        }
        done += n;
      }
    }

    private EOFException truncated(String claim, long count, long got) {
      return new EOFException(
          file + ": truncated: the header claims " + claim + ", which needs " + count
              + " data bytes after the " + (position - got) + "-byte header, but the "
              + (gzip ? "decompressed " : "") + "data ends after " + got + " bytes");
    }

    private int readInt(String what) throws IOException {
      byte[] b = new byte[4];
      int done = 0;
      while (done < 4) {
        int n = readChunk(b, done, 4 - done);
        if (n < 0) {
          throw new EOFException(
              file + ": truncated: the file ends inside the header, while reading the " + what
                  + " (after " + position + " bytes" + (gzip ? " decompressed" : "") + ")");
        }
        done += n;
      }
      return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** One read from the stream; failures (corrupt or cut-off gzip) get the file's name. */
    private int readChunk(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (EOFException e) {
        // GZIPInputStream's way of saying the compressed file itself is cut off.
        return -1;
      } catch (IOException e) {
        throw new IOException(
            file + ": could not read after " + position + " bytes"
                + (gzip ? " decompressed" : "") + ": " + describe(e), e);
      }
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private static String describe(IOException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String hex(int v) {
      return String.format("0x%08X", v);
    }
  }
}
