package io.github.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.data.Dataset;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void digits_bundledDataSet_hasEveryImageScaledToUnitRange() throws IOException {
    Dataset digits = DemoCommand.digits();
    assertEquals(1797, digits.size());
    assertEquals(64, digits.inputWidth());
    assertEquals(10, digits.targetWidth());
    double max = 0;
    for (double v : digits.inputs().data()) {
      assertTrue(v >= 0 && v <= 1, "pixel " + v);
      max = Math.max(max, v);
    }
    assertEquals(1.0, max);
    // Class counts of the scikit-learn digits: 0 has 178 images, 9 has 180.
    assertEquals(178, count(digits, 0));
    assertEquals(180, count(digits, 9));
  }

  @Test
  void demo_trainsToAtLeast95PercentTestAccuracy() throws IOException {
    Cli.Result result = Cli.run("demo");
    assertEquals(Main.OK, result.status(), result.err());
    Matcher m = Pattern.compile("test accuracy: ([0-9.]+)% \\((\\d+) of (\\d+) digits\\)")
        .matcher(result.out());
    assertTrue(m.find(), result.out());
    assertTrue(Double.parseDouble(m.group(1)) >= 95.0, result.out());
    Dataset digits = DemoCommand.digits();
    long heldOut = 0;
    for (int label = 0; label < 10; label++) {
      heldOut += Math.round(count(digits, label) * DemoCommand.TEST_FRACTION);
    }
    assertEquals(heldOut, Long.parseLong(m.group(3)), "a fifth of each class held out");
    assertTrue(result.err().contains("epoch " + DemoCommand.EPOCHS + "/" + DemoCommand.EPOCHS),
        result.err());
  }

  @Test
  void demo_withArguments_isRejected() {
    assertEquals("demo: unexpected argument now; usage: backprop demo",
        Cli.run("demo", "now").error());
  }

  private static int count(Dataset d, int label) {
    int n = 0;
    for (int r = 0; r < d.size(); r++) {
      n += d.targets().get(r, label) == 1.0 ? 1 : 0;
    }
    return n;
  }
}
