package io.github.backprop.losses;

import static io.github.backprop.losses.Numeric.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.github.backprop.inject.ComponentRegistry;
import io.github.backprop.inject.CoreModule;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.train.Loss;
import org.junit.jupiter.api.Test;

/**
 * What every stock loss must do, checked against the per-sample formula each test writes out
 * from the published definition and against finite differences. The batch value is the mean of
 * the per-sample losses, the gradient that of the mean.
 */
interface LossContract {
  /** Finite differences against analytic gradients. */
  double FD_TOLERANCE = 1e-9;
  /** Closed forms against the implementation: the same math in another order. */
  double CLOSED_FORM_TOLERANCE = 1e-12;

  Loss loss();

  /** Outputs to test at, shape [batch, outputs], away from any kink of the loss. */
  double[][] outputs();

  /** Valid targets for {@link #outputs()}. */
  double[][] targets();

  /** The per-sample loss, written from the definition. */
  double sampleLoss(double[] a, double[] y);

  /** d(per-sample loss)/da_j, written from the definition. */
  double[] sampleGradient(double[] a, double[] y);

  @Test
  default void value_isTheBatchMeanOfThePerSampleFormula() {
    double[][] a = outputs();
    double[][] y = targets();
    double sum = 0;
    for (int r = 0; r < a.length; r++) {
      sum += sampleLoss(a[r], y[r]);
    }
    assertClose(sum / a.length, loss().value(Tensor.of(a), Tensor.of(y)), CLOSED_FORM_TOLERANCE,
        loss().name() + " value");
  }

  @Test
  default void gradient_isTheClosedFormDividedByBatch() {
    double[][] a = outputs();
    double[][] y = targets();
    double[][] expected = new double[a.length][];
    for (int r = 0; r < a.length; r++) {
      expected[r] = sampleGradient(a[r], y[r]);
      for (int j = 0; j < expected[r].length; j++) {
        expected[r][j] /= a.length;
      }
    }
    assertClose(Numeric.flat(expected), gradientAt(Tensor.of(a), Tensor.of(y)),
        CLOSED_FORM_TOLERANCE, loss().name() + " gradient");
  }

  @Test
  default void gradient_matchesFiniteDifferencesOfValue() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    double[] numeric = Numeric.gradient(t -> loss().value(t, y), a);
    assertClose(numeric, gradientAt(a, y), FD_TOLERANCE, loss().name() + " gradient vs FD");
  }

  @Test
  default void valueAndGradient_leaveTheirArgumentsUnchanged() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    Tensor aCopy = a.copy();
    Tensor yCopy = y.copy();
    loss().value(a, y);
    gradientAt(a, y);
    assertEquals(aCopy, a);
    assertEquals(yCopy, y);
  }

  @Test
  default void gradient_overwritesWhatTheBufferHeld() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    Tensor grad = Tensor.zeros(a.shape());
    grad.fillInPlace(Double.NaN);
    loss().gradient(a, y, grad);
    assertClose(gradientAt(a, y), grad.data(), 0, "gradient written over NaN");
  }

  @Test
  default void value_targetsOfTheWrongWidth_throwsNamingTheLossAndBothShapes() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.zeros(a.rows(), a.cols() + 1);
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> loss().value(a, y));
    assertEquals(loss().name() + ": target shape " + y.shape()
        + " does not match the output shape " + a.shape(), e.getMessage());
  }

  @Test
  default void gradient_targetsOrBufferOfTheWrongWidth_throwsNamingTheLoss() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    Tensor narrow = Tensor.zeros(a.rows(), a.cols() - 1);
    ShapeMismatchException targets = assertThrows(ShapeMismatchException.class,
        () -> loss().gradient(a, narrow, Tensor.zeros(a.shape())));
    assertTrue(targets.getMessage().startsWith(loss().name() + ": target shape"),
        targets.getMessage());
    ShapeMismatchException buffer = assertThrows(ShapeMismatchException.class,
        () -> loss().gradient(a, y, narrow));
    assertTrue(buffer.getMessage().startsWith(loss().name() + ": gradient buffer shape"),
        buffer.getMessage());
  }

  @Test
  default void checkTargets_validTargets_passes() {
    loss().checkTargets("targets", Tensor.of(targets()));
  }

  @Test
  default void name_isTheSnakeCaseRegistryName() {
    assertTrue(loss().name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), loss().name());
  }

  @Test
  default void registry_sameNameAndParameters_givesTheSameLoss() {
    ComponentRegistry<Loss> registry = Guice.createInjector(new CoreModule(), new LossesModule())
        .getInstance(Key.get(new TypeLiteral<ComponentRegistry<Loss>>() {}));
    Loss again = registry.get(loss().name(), loss().parameters());
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    assertEquals(loss().toString(), again.toString());
    assertEquals(loss().value(a, y), again.value(a, y));
  }

  /**
   * Measured over the first few thousand calls, while the code still runs interpreted or under
   * C1, so the JIT's escape analysis cannot hide an allocation the loops would make.
   */
  @Test
  default void valueAndGradient_afterWarmUp_allocateNothingPerCall() {
    Tensor a = Tensor.of(outputs());
    Tensor y = Tensor.of(targets());
    Tensor grad = Tensor.zeros(a.shape());
    Loss loss = loss();
    double sink = loss.value(a, y);
    loss.gradient(a, y, grad);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    int calls = 2_000;
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < calls; i++) {
      sink += loss.value(a, y);
      loss.gradient(a, y, grad);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // Less than one byte per call: a fixed overhead of the measurement, never an object per call.
    assertTrue(allocated < calls, loss.name() + " allocated " + allocated + " bytes in " + calls
        + " calls (sink " + sink + ")");
  }

  private double[] gradientAt(Tensor a, Tensor y) {
    Tensor grad = Tensor.zeros(a.shape());
    loss().gradient(a, y, grad);
    return grad.data();
  }
}
