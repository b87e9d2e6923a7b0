package io.github.backprop.examples;

import static io.github.backprop.examples.SeedNetwork.B;
import static io.github.backprop.examples.SeedNetwork.B1;
import static io.github.backprop.examples.SeedNetwork.B2;
import static io.github.backprop.examples.SeedNetwork.W1;
import static io.github.backprop.examples.SeedNetwork.W11;
import static io.github.backprop.examples.SeedNetwork.W12;
import static io.github.backprop.examples.SeedNetwork.W2;
import static io.github.backprop.examples.SeedNetwork.W21;
import static io.github.backprop.examples.SeedNetwork.W22;
import static io.github.backprop.examples.SeedNetwork.X1;
import static io.github.backprop.examples.SeedNetwork.X2;
import static io.github.backprop.examples.SeedNetwork.Y;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed-network example against central finite differences of seed 001's error, computed
 * here from the seed's forward definitions.
 */
class SeedNetworkTest {
  private final Output output = new Output();
  private final SeedNetwork.Result result = SeedNetwork.run(output.stream);

  @Test
  void run_engineAndCorrectedFormulas_matchFiniteDifferences() {
    List<String> names = result.names();
    for (int i = 0; i < names.size(); i++) {
      double numeric = finiteDifference(names.get(i));
      assertEquals(numeric, result.engine()[i], 1e-9, "engine dE/d" + names.get(i));
      assertEquals(result.engine()[i], result.corrected()[i], 1e-15,
          "corrected dE/d" + names.get(i));
    }
  }

  @Test
  void run_seedAsWritten_hasTheSignFlippedAndB2Wrong() {
    List<String> names = result.names();
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals("b2")) {
        assertTrue(Math.abs(result.asWritten()[i] - result.engine()[i]) > 1e-3,
            "the seed's dE/db2 should differ from the true value");
        assertTrue(Math.abs(result.asWritten()[i] + result.engine()[i]) > 1e-3,
            "and not only by its sign");
      } else {
        assertEquals(-result.engine()[i], result.asWritten()[i], 1e-15, "dE/d" + names.get(i));
      }
    }
    assertTrue(output.text().contains("(y - 1)"), output.text());
    assertTrue(output.text().contains("dE/dy_hat = -(y - y_hat) = y_hat - y"), output.text());
  }

  /** (E(p + h) - E(p - h)) / 2h for the named parameter. */
  private static double finiteDifference(String name) {
    double h = 1e-6;
    return (error(name, h) - error(name, -h)) / (2 * h);
  }

  /** Seed 001's E with the named parameter shifted by {@code shift}. */
  private static double error(String name, double shift) {
    double w11 = W11 + (name.equals("w11") ? shift : 0);
    double w12 = W12 + (name.equals("w12") ? shift : 0);
    double b1 = B1 + (name.equals("b1") ? shift : 0);
    double w21 = W21 + (name.equals("w21") ? shift : 0);
    double w22 = W22 + (name.equals("w22") ? shift : 0);
    double b2 = B2 + (name.equals("b2") ? shift : 0);
    double w1 = W1 + (name.equals("w1") ? shift : 0);
    double w2 = W2 + (name.equals("w2") ? shift : 0);
    double b = B + (name.equals("b") ? shift : 0);
    double z1 = 1 / (1 + Math.exp(-(w11 * X1 + w12 * X2 + b1)));
    double z2 = 1 / (1 + Math.exp(-(w21 * X1 + w22 * X2 + b2)));
    double yHat = w1 * z1 + w2 * z2 + b;
    return 0.5 * (Y - yHat) * (Y - yHat);
  }
}
