package io.github.backprop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live-heap mark counts data kept alive and leaves out garbage, even uncollected garbage. */
class LiveHeapTest {
  private static final long MB = 1024 * 1024;

  @Test
  void maxAfterCollection_countsKeptDataButNotGarbageMadeJustBefore() {
    try (LiveHeap live = LiveHeap.start()) {
      double[] kept = new double[(int) (48 * MB / Double.BYTES)];
      kept[kept.length - 1] = 1;
      double[] garbage = new double[(int) (96 * MB / Double.BYTES)];
      garbage[garbage.length - 1] = 2;
      long dropped = (long) garbage[garbage.length - 1];
      garbage = null;
      long bytes = live.maxAfterCollection();
      assertTrue(bytes >= 48 * MB, "48 MB kept alive, live mark " + bytes / MB + " MB");
      assertTrue(bytes < (48 + 64) * MB,
          "96 MB of garbage still uncollected at the last collection, live mark " + bytes / MB
              + " MB");
      assertTrue(kept[kept.length - 1] == 1 && dropped == 2);
    }
  }
}
