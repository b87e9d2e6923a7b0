package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's worked network: x1, x2 -> two sigmoid units -> one linear output y_hat, with
 * E = 1/2 (y - y_hat)^2. The seed names pre-activations a1, a2 and activations z1 = f(a1),
 * z2 = f(a2). Every partial derivative the engine computes must equal the seed's closed form,
 * once its two errata are corrected.
 */
class SeedNetworkTest {
  // arbitrary, asymmetric values so that no two formulas agree by accident
  private final double x1 = 0.7;
  private final double x2 = -1.3;
  private final double y = 0.25;
  private final double w11 = 0.4;
  private final double w12 = -0.6;
  private final double w21 = 0.9;
  private final double w22 = 0.2;
  private final double b1 = 0.1;
  private final double b2 = -0.3;
  private final double w1 = 1.5;
  private final double w2 = -0.8;
  private final double b = 0.05;

  private double a1;
  private double a2;
  private double z1;
  private double z2;
  private double yHat;
  private Network network;
  private double[] engine; // w11, w12, w21, w22, b1, b2, w1, w2, b

  @BeforeEach
  void forwardByHandAndBackwardByEngine() {
    a1 = w11 * x1 + w12 * x2 + b1;
    a2 = w21 * x1 + w22 * x2 + b2;
    z1 = f(a1);
    z2 = f(a2);
    yHat = w1 * z1 + w2 * z2 + b;

    network = Network.builder(2)
        .dense(TestActivations.sigmoid(),
            Tensor.of(new double[][] {{w11, w12}, {w21, w22}}), Tensor.vector(b1, b2))
        .dense(TestActivations.identity(), Tensor.of(new double[][] {{w1, w2}}), Tensor.vector(b))
        .build();
    Gradients.compute(network, TestLosses.squaredError(), Tensor.of(new double[][] {{x1, x2}}),
        Tensor.of(new double[][] {{y}}));
    Tensor gw1 = network.layers().get(0).weights().grad();
    Tensor gb1 = network.layers().get(0).bias().grad();
    Tensor gw2 = network.layers().get(1).weights().grad();
    Tensor gb2 = network.layers().get(1).bias().grad();
    engine = new double[] {gw1.get(0, 0), gw1.get(0, 1), gw1.get(1, 0), gw1.get(1, 1),
        gb1.get(0), gb1.get(1), gw2.get(0, 0), gw2.get(0, 1), gb2.get(0)};
  }

  private static double f(double a) {
    return 1 / (1 + Math.exp(-a));
  }

  private static double fPrime(double a) {
    return f(a) * (1 - f(a)); // the seed's f'(x) = f(x) [1 - f(x)]
  }

  /** The seed's formulas with dE/dy_hat = y_hat - y and b2's factor corrected. */
  private double[] corrected() {
    double dEdy = yHat - y; // d/dy_hat of 1/2 (y - y_hat)^2
    return new double[] {
        dEdy * w1 * fPrime(a1) * x1, // dE/dw11
        dEdy * w1 * fPrime(a1) * x2, // dE/dw12
        dEdy * w2 * fPrime(a2) * x1, // dE/dw21
        dEdy * w2 * fPrime(a2) * x2, // dE/dw22
        dEdy * w1 * fPrime(a1),      // dE/db1
        dEdy * w2 * fPrime(a2),      // dE/db2
        dEdy * z1,                   // dE/dw1
        dEdy * z2,                   // dE/dw2
        dEdy};                       // dE/db
  }

  /** The seed's formulas exactly as written: dE/dy = (y - y_hat), and (y - 1) in dE/db2. */
  private double[] asWritten() {
    double dEdy = y - yHat;
    return new double[] {
        dEdy * w1 * fPrime(a1) * x1,
        dEdy * w1 * fPrime(a1) * x2,
        dEdy * w2 * fPrime(a2) * x1,
        dEdy * w2 * fPrime(a2) * x2,
        dEdy * w1 * fPrime(a1),
        (y - 1) * w2 * fPrime(a2),
        dEdy * z1,
        dEdy * z2,
        dEdy};
  }

  @Test
  void forward_matchesSeedEquations() {
    Tensor out = network.predict(Tensor.of(new double[][] {{x1, x2}}));
    assertEquals(yHat, out.get(0, 0), 1e-15);
  }

  @Test
  void everyPartialDerivative_equalsCorrectedClosedForm() {
    double[] expected = corrected();
    String[] names = {"w11", "w12", "w21", "w22", "b1", "b2", "w1", "w2", "b"};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], engine[i], 1e-15 * Math.max(1, Math.abs(expected[i])),
          "dE/d" + names[i]);
    }
  }

  @Test
  void seedErratum_signOfDeDyHat_givesTheNegativeGradient() {
    double[] written = asWritten();
    int[] signOnly = {0, 1, 2, 3, 4, 6, 7, 8}; // every formula but dE/db2
    for (int i : signOnly) {
      assertEquals(-engine[i], written[i], 1e-15, "as written, formula " + i + " is the negative");
      assertTrue(Math.abs(engine[i]) > 1e-6, "a zero gradient would hide the sign error");
    }
  }

  @Test
  void seedErratum_yMinusOneInDeDb2_isNotTheGradient() {
    double writtenB2 = asWritten()[5];
    double correctB2 = corrected()[5];
    assertEquals(correctB2, engine[5], 1e-15);
    // (y - 1) is neither y_hat - y nor its negative
    assertTrue(Math.abs(writtenB2 - engine[5]) > 1e-3);
    assertTrue(Math.abs(writtenB2 + engine[5]) > 1e-3);
  }

  @Test
  void descentStep_withEngineGradient_lowersError_withWrittenSign_raisesIt() {
    double alpha = 0.1;
    double e0 = error(new double[9], 0);
    assertTrue(error(engine, alpha) < e0, "w - alpha dE/dw must lower E");
    assertTrue(error(asWritten(), alpha) > e0, "the seed's sign walks uphill");
  }

  /** E after one step w <- w - alpha g from the start values. */
  private double error(double[] g, double alpha) {
    double[] p = {w11, w12, w21, w22, b1, b2, w1, w2, b};
    for (int i = 0; i < p.length; i++) {
      p[i] -= alpha * g[i];
    }
    double h1 = f(p[0] * x1 + p[1] * x2 + p[4]);
    double h2 = f(p[2] * x1 + p[3] * x2 + p[5]);
    double out = p[6] * h1 + p[7] * h2 + p[8];
    return 0.5 * (y - out) * (y - out);
  }
}
