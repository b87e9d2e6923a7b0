package io.github.backprop.train;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows training progress: epoch, batch / batches, the epoch's running mean loss, samples per
 * second and the estimated time left; and one summary line per epoch (with the validation loss,
 * metrics and learning rate when there are some).
 *
 * <p>On a terminal it redraws one line in place with a carriage return (at most every
 * {@value #REDRAW_MILLIS} ms); elsewhere (a CI log, a file) it prints plain lines: each epoch's
 * summary, and a progress line every {@value #LINE_SECONDS} s during long epochs.
 *
 * <pre>{@code
 * Trainer.builder()...listener(ProgressBar.toConsole())
 * }</pre>
 *
 * <pre>
 * epoch 3/10 [=========&gt;          ] 120/250 loss 0.4213 5120 samples/s ETA 0:42
 * epoch 3/10 250/250 loss 0.4107 val_loss 0.3980 val_accuracy 0.9130 lr 0.001000 2.1s
 * </pre>
 */
public final class ProgressBar implements TrainingListener {
  static final long REDRAW_MILLIS = 100;
  static final long LINE_SECONDS = 10;
  private static final int BAR_WIDTH = 20;

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private int epochs;
  private int batches;
  private int samples;
  private long runStart;
  private long epochStart;
  private long lastDraw;
  private long samplesDone;
  private long epochSamples;
  private double epochLossSum;
  private int drawnLength;

  ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoClock) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Progress on standard output; redrawn in place if standard output is a terminal. */
  public static ProgressBar toConsole() {
    return new ProgressBar(System.out, isTerminal(), System::nanoTime);
  }

  /**
   * True if the JVM's console is a terminal. Up to JDK 21 a console exists only then; from JDK
   * 22 one may exist for redirected output too, and {@code Console.isTerminal()} (called
   * reflectively, since we compile for 17) tells the two apart.
   */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22: having a console means being on a terminal
    }
  }

  /**
   * Progress on {@code out}.
   *
   * @param terminal true to redraw one line in place, false for plain periodic lines
   */
  public static ProgressBar to(PrintStream out, boolean terminal) {
    return new ProgressBar(out, terminal, System::nanoTime);
  }

  @Override
  public void onTrainingStart(TrainingRun run) {
    epochs = run.epochs();
    batches = run.batchesPerEpoch();
    samples = run.samples();
    runStart = nanoClock.getAsLong();
    samplesDone = 0;
    drawnLength = 0;
  }

  @Override
  public void onEpochStart(int epoch) {
    epochStart = nanoClock.getAsLong();
    lastDraw = epochStart;
    epochSamples = 0;
    epochLossSum = 0;
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double loss, int rows) {
    samplesDone += rows;
    epochSamples += rows;
    epochLossSum += loss * rows;
    long now = nanoClock.getAsLong();
    if (terminal) {
      if (now - lastDraw >= REDRAW_MILLIS * 1_000_000 || batch == batches) {
        redraw(progressLine(epoch, batch, now));
        lastDraw = now;
      }
    } else if (now - lastDraw >= LINE_SECONDS * 1_000_000_000) {
      out.println(progressLine(epoch, batch, now));
      lastDraw = now;
    }
  }

  @Override
  public void onEpochEnd(EpochSummary summary) {
    long now = nanoClock.getAsLong();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d %d/%d loss %.4f",
        summary.epoch(), epochs, batches, batches, summary.meanLoss()));
    if (summary.hasValidation()) {
      line.append(String.format(Locale.ROOT, " val_loss %.4f", summary.validationLoss()));
    }
    for (Map.Entry<String, Double> m : summary.metrics().entrySet()) {
      line.append(String.format(Locale.ROOT, " val_%s %.4f", m.getKey(), m.getValue()));
    }
    if (!Double.isNaN(summary.learningRate())) {
      line.append(" lr ").append(String.format(Locale.ROOT, "%.4g", summary.learningRate()));
    }
    line.append(String.format(Locale.ROOT, " %.1fs", (now - epochStart) / 1e9));
    if (terminal) {
      redraw(line.toString());
      out.println();
      drawnLength = 0;
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void onTrainingEnd(TrainingHistory history) {
    if (history.stoppedEarly()) {
      out.println("stopped: " + history.stopReason());
      out.flush();
    }
  }

  private String progressLine(int epoch, int batch, long now) {
    StringBuilder line = new StringBuilder("epoch ").append(epoch).append('/').append(epochs);
    if (terminal) {
      int filled = (int) ((long) BAR_WIDTH * batch / batches);
      line.append(" [");
      for (int i = 0; i < BAR_WIDTH; i++) {
        line.append(i < filled ? '=' : i == filled ? '>' : ' ');
      }
      line.append(']');
    }
    line.append(' ').append(batch).append('/').append(batches)
        .append(String.format(Locale.ROOT, " loss %.4f", epochLossSum / epochSamples));
    double seconds = (now - runStart) / 1e9;
    if (seconds > 0) {
      double rate = samplesDone / seconds;
      long remaining = (long) (epochs - epoch) * samples + (samples - epochSamples);
      line.append(String.format(Locale.ROOT, " %.0f samples/s ETA %s", rate,
          duration(remaining / rate)));
    }
    return line.toString();
  }

  /** h:mm:ss or m:ss. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long rest = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, rest)
        : String.format(Locale.ROOT, "%d:%02d", m, rest);
  }

  private void redraw(String line) {
    StringBuilder sb = new StringBuilder(line.length() + 1 + drawnLength).append('\r').append(line);
    for (int i = line.length(); i < drawnLength; i++) {
      sb.append(' ');
    }
    out.print(sb);
    out.flush();
    drawnLength = line.length();
  }
}
