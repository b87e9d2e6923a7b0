package io.github.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  private static final int IMAGES = 0x00000803;
  private static final int LABELS = 0x00000801;

  /** Three 2x2 images; pixel values chosen so /255 is easy to check. */
  private static final byte[] PIXELS = {
    0, (byte) 255, 51, 102,
    (byte) 204, 0, 0, 0,
    1, 2, 3, 4
  };

  @TempDir Path dir;

  /** An IDX file: magic, dimensions, then the bytes, all big-endian. */
  private static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static String failure(Executable read) {
    return assertThrows(IOException.class, read).getMessage();
  }

  /** Bytes this thread allocates while running {@code read}, which is expected to fail. */
  private static long allocatedWhileFailing(Executable read) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThrows(IOException.class, read);
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void readImages_plain_flattensAndScalesToUnitInterval() throws IOException {
    Path file = write("images.idx", idx(IMAGES, new int[] {3, 2, 2}, PIXELS));
    Tensor images = IdxReader.readImages(file);
    assertEquals("[3, 4]", images.shape().toString());
    assertArrayEquals(new double[] {0, 1, 0.2, 0.4}, images.row(0), 1e-15);
    assertEquals(0.8, images.get(1, 0), 1e-15);
    assertEquals(4 / 255.0, images.get(2, 3));
  }

  @Test
  void readImages_gzip_sameAsPlain() throws IOException {
    byte[] raw = idx(IMAGES, new int[] {3, 2, 2}, PIXELS);
    Tensor plain = IdxReader.readImages(write("images.idx", raw));
    assertEquals(plain, IdxReader.readImages(write("images.idx.gz", gzip(raw))));
    // Recognised by content, not by name.
    assertEquals(plain, IdxReader.readImages(write("compressed-images.idx", gzip(raw))));
  }

  @Test
  void readImages_largerThanOneBuffer_gzipReadsAll() throws IOException {
    byte[] pixels = new byte[300 * 28 * 28]; // 235 KB, several growth steps of the gz buffer
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31);
    }
    byte[] raw = idx(IMAGES, new int[] {300, 28, 28}, pixels);
    Tensor images = IdxReader.readImages(write("big.idx.gz", gzip(raw)));
    assertEquals("[300, 784]", images.shape().toString());
    assertEquals((pixels[pixels.length - 1] & 0xFF) / 255.0, images.get(299, 783));
    assertEquals(IdxReader.readImages(write("big.idx", raw)), images);
  }

  @Test
  void readLabels_plainAndGzip_oneHot() throws IOException {
    byte[] raw = idx(LABELS, new int[] {4}, new byte[] {3, 0, 9, 3});
    Tensor labels = IdxReader.readLabels(write("labels.idx", raw), 10);
    assertEquals("[4, 10]", labels.shape().toString());
    double[] expected = new double[40];
    expected[3] = expected[10] = expected[29] = expected[33] = 1;
    assertArrayEquals(expected, labels.data());
    assertEquals(labels, IdxReader.readLabels(write("labels.idx.gz", gzip(raw)), 10));
  }

  @Test
  void readLabels_labelNotBelowClasses_messageGivesFileLabelAndIndex() throws IOException {
    Path file = write("labels.idx", idx(LABELS, new int[] {4}, new byte[] {1, 2, 12, 0}));
    assertEquals(
        file + ": label 12 at index 2 is not below classes=10;"
            + " pass the dataset's real number of classes",
        failure(() -> IdxReader.readLabels(file, 10)));
  }

  @Test
  void readLabels_labelAbove127_readAsUnsigned() throws IOException {
    Path file = write("labels.idx", idx(LABELS, new int[] {1}, new byte[] {(byte) 200}));
    assertEquals(1.0, IdxReader.readLabels(file, 201).get(0, 200));
    assertTrue(failure(() -> IdxReader.readLabels(file, 200)).contains("label 200 at index 0"));
  }

  @Test
  void readLabels_nonPositiveClasses_rejected() throws IOException {
    Path file = write("labels.idx", idx(LABELS, new int[] {1}, new byte[] {0}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(file, 0));
    assertEquals("IdxReader.readLabels: classes must be positive, got 0", e.getMessage());
  }

  @Test
  void readImages_truncatedPlain_messageGivesExpectedAndActualBytes() throws IOException {
    byte[] raw = idx(IMAGES, new int[] {3, 2, 2}, PIXELS);
    Path file = write("images.idx", Arrays.copyOf(raw, 20));
    assertEquals(
        file + ": the header claims 3 images of 2x2 pixels, which needs 28 bytes (16-byte"
            + " header + 12 data bytes), but the file has 20 bytes; it is truncated or its header"
            + " is wrong",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_extraBytesPlain_rejected() throws IOException {
    byte[] raw = idx(IMAGES, new int[] {2, 2, 2}, PIXELS); // 12 pixels for 8 claimed
    Path file = write("images.idx", raw);
    assertEquals(
        file + ": the header claims 2 images of 2x2 pixels, which needs 24 bytes (16-byte"
            + " header + 8 data bytes), but the file has 28 bytes; it has extra data or its"
            + " header is wrong",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_lyingHeaderOnSmallFile_failsOnSizeBeforeAllocating() throws IOException {
    byte[] raw = Arrays.copyOf(idx(IMAGES, new int[] {1_000_000_000, 28, 28}, new byte[0]), 1024);
    Path file = write("images.idx", raw);
    String message = failure(() -> IdxReader.readImages(file));
    assertEquals(
        file + ": the header claims 1000000000 images of 28x28 pixels, which needs 784000000016"
            + " bytes (16-byte header + 784000000000 data bytes), but the file has 1024 bytes;"
            + " it is truncated or its header is wrong",
        message);
    assertTrue(allocatedWhileFailing(() -> IdxReader.readImages(file)) < 1_000_000);
  }

  @Test
  void readLabels_lyingHeaderOnSmallFile_failsOnSize() throws IOException {
    Path file = write("labels.idx", idx(LABELS, new int[] {2_000_000_000}, new byte[10]));
    assertEquals(
        file + ": the header claims 2000000000 labels, which needs 2000000008 bytes (8-byte"
            + " header + 2000000000 data bytes), but the file has 18 bytes; it is truncated or"
            + " its header is wrong",
        failure(() -> IdxReader.readLabels(file, 10)));
  }

  @Test
  void readImages_gzipLyingHeader_reportsTruncationWithoutAllocatingTheClaim()
      throws IOException {
    // Claims 2e9 one-pixel images (a 2 GB buffer, 16 GB of doubles) but holds 12 bytes.
    byte[] raw = idx(IMAGES, new int[] {2_000_000_000, 1, 1}, PIXELS);
    Path file = write("images.idx.gz", gzip(raw));
    EOFException e = assertThrows(EOFException.class, () -> IdxReader.readImages(file));
    assertEquals(
        file + ": truncated: the header claims 2000000000 images of 1x1 pixels, which needs"
            + " 2000000000 data bytes after the 16-byte header, but the decompressed data ends"
            + " after 12 bytes",
        e.getMessage());
    assertTrue(allocatedWhileFailing(() -> IdxReader.readImages(file)) < 1_000_000);
  }

  @Test
  void readImages_gzipHeaderBeyondArrayLimit_rejectedBeforeReading() throws IOException {
    Path file =
        write("images.idx.gz", gzip(idx(IMAGES, new int[] {1_000_000_000, 28, 28}, PIXELS)));
    assertEquals(
        file + ": the header claims 1000000000 images of 28x28 pixels (784000000000 values),"
            + " more than a Java array holds (2147483639); the header is corrupt",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_gzipCompressedStreamCutOff_reportsTruncation() throws IOException {
    byte[] pixels = new byte[50 * 28 * 28];
    new java.util.Random(1).nextBytes(pixels); // incompressible, so cutting loses pixel data
    byte[] gz = gzip(idx(IMAGES, new int[] {50, 28, 28}, pixels));
    Path file = write("images.idx.gz", Arrays.copyOf(gz, gz.length / 2));
    String message = failure(() -> IdxReader.readImages(file));
    assertTrue(
        message.startsWith(
            file + ": truncated: the header claims 50 images of 28x28 pixels, which needs 39200"
                + " data bytes after the 16-byte header, but the decompressed data ends after"),
        message);
  }

  @Test
  void readImages_gzipWithExtraData_rejected() throws IOException {
    Path file = write("images.idx.gz", gzip(idx(IMAGES, new int[] {2, 2, 2}, PIXELS)));
    assertEquals(
        file + ": the header claims 2 images of 2x2 pixels (8 data bytes after the 16-byte"
            + " header) but the decompressed data goes on beyond them; the header is wrong",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_labelFile_magicNamedInHexWithHint() throws IOException {
    Path file = write("train-labels.idx", idx(LABELS, new int[] {1}, new byte[] {0}));
    assertEquals(
        file + ": magic number is 0x00000801 but an IDX image file starts with 0x00000803"
            + " (unsigned bytes, 3 dimensions); that is a label file's magic, so the image and"
            + " label files may be swapped",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readLabels_imageFile_magicNamedInHexWithHint() throws IOException {
    Path file = write("train-images.idx", idx(IMAGES, new int[] {3, 2, 2}, PIXELS));
    assertEquals(
        file + ": magic number is 0x00000803 but an IDX label file starts with 0x00000801"
            + " (unsigned bytes, 1 dimension); that is an image file's magic, so the image and"
            + " label files may be swapped",
        failure(() -> IdxReader.readLabels(file, 10)));
  }

  @Test
  void readImages_notIdxAtAll_magicNamedInHex() throws IOException {
    Path file = write("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
    assertEquals(
        file + ": magic number is 0x89504E47 but an IDX image file starts with 0x00000803"
            + " (unsigned bytes, 3 dimensions); this does not look like an IDX file at all",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_fileEndsInHeader_reportsWhere() throws IOException {
    Path file = write("images.idx", Arrays.copyOf(idx(IMAGES, new int[] {3, 2, 2}, PIXELS), 10));
    assertEquals(
        file + ": truncated: the file ends inside the header, while reading the row count"
            + " (after 10 bytes)",
        failure(() -> IdxReader.readImages(file)));
    Path empty = write("empty.idx", new byte[0]);
    assertEquals(
        empty + ": truncated: the file ends inside the header, while reading the magic number"
            + " (after 0 bytes)",
        failure(() -> IdxReader.readImages(empty)));
  }

  @Test
  void readImages_negativeDimension_rejected() throws IOException {
    Path file = write("images.idx", idx(IMAGES, new int[] {3, -2, 2}, PIXELS));
    assertEquals(
        file + ": the header gives a negative row count (-2); it is corrupt",
        failure(() -> IdxReader.readImages(file)));
  }

  @Test
  void readImages_missingFile_isNoSuchFileNamingPath() {
    Path missing = dir.resolve("absent.idx");
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void readDataset_pairsImagesWithLabels() throws IOException {
    Path images = write("images.idx", idx(IMAGES, new int[] {3, 2, 2}, PIXELS));
    Path labels = write("labels.idx.gz", gzip(idx(LABELS, new int[] {3}, new byte[] {1, 0, 1})));
    Dataset d = IdxReader.readDataset(images, labels, 2);
    assertEquals(3, d.size());
    assertEquals(4, d.inputWidth());
    assertArrayEquals(new double[] {0, 1, 1, 0, 0, 1}, d.targets().data());
  }

  @Test
  void readDataset_countsDiffer_messageGivesBothFilesAndCounts() throws IOException {
    Path images = write("images.idx", idx(IMAGES, new int[] {3, 2, 2}, PIXELS));
    Path labels = write("labels.idx", idx(LABELS, new int[] {2}, new byte[] {1, 0}));
    assertEquals(
        images + " holds 3 images but " + labels + " holds 2 labels;"
            + " they should come from the same release",
        failure(() -> IdxReader.readDataset(images, labels, 2)));
  }
}
