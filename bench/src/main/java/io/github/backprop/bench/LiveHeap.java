package io.github.backprop.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap that any garbage collection during a run left in use: the high mark of the data
 * the run kept alive, which is what it needs, as opposed to the peak of the pools, which also
 * counts garbage not yet collected (the Vector API's JIT warm-up makes much of that).
 *
 * <pre>{@code
 * try (LiveHeap live = LiveHeap.start()) {
 *   run();
 *   System.out.println(live.maxAfterCollection() / (1024 * 1024) + " MB");
 * }
 * }</pre>
 */
final class LiveHeap implements NotificationListener, AutoCloseable {
  private final Set<String> heapPools = new HashSet<>();
  /** Collections this JVM had run before listening. */
  private final long baseline = collections();
  /** Collections reported to this listener so far. */
  private volatile long seen;
  private volatile long max;

  private LiveHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
  }

  /** Starts listening to every collector of this JVM. */
  static LiveHeap start() {
    LiveHeap live = new LiveHeap();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(live, null, null);
      }
    }
    return live;
  }

  /**
   * Collects once more, so the data still alive now is counted even if no collection ran since
   * it was made, then returns the largest heap use left after any collection, in bytes.
   * Notifications arrive on another thread; this waits briefly for the last one.
   */
  long maxAfterCollection() {
    System.gc();
    long expected = collections() - baseline;
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (seen < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return max;
  }

  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
        .equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc()
        .entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      max = Math.max(max, used);
      seen = seen + 1;
    }
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(this);
        } catch (ListenerNotFoundException e) {
          // Not registered with this collector: nothing to remove.
        }
      }
    }
  }
}
