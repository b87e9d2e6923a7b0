package io.github.backprop.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.train.Loss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossesTest {
  @Test
  void factories_coverEveryRegisteredNameWithItsDefaults() {
    List<Loss> losses = List.of(Losses.binaryCrossEntropy(), Losses.crossEntropy(),
        Losses.hinge(), Losses.huber(), Losses.klDivergence(), Losses.logCosh(), Losses.mae(),
        Losses.mse(), Losses.poissonNll(), Losses.smoothL1(), Losses.squaredError(),
        Losses.squaredHinge());
    assertEquals(LossesModuleTest.STOCK, losses.stream().map(Loss::name).toList());
  }

  @Test
  void toString_namesTheLossAndItsParameters() {
    assertEquals("mse", Losses.mse().toString());
    assertEquals("huber[delta=0.5]", Losses.huber(0.5).toString());
    assertEquals("smooth_l1[beta=0.0]", Losses.smoothL1(0).toString());
    assertEquals("cross_entropy[labelSmoothing=0.1]", Losses.crossEntropy(0.1).toString());
  }

  @Test
  void parameters_areTheValuesGiven() {
    assertEquals(Map.of("delta", 0.5), Losses.huber(0.5).parameters());
    assertEquals(Map.of("beta", 2.0), Losses.smoothL1(2).parameters());
    assertEquals(Map.of("labelSmoothing", 0.1), Losses.crossEntropy(0.1).parameters());
    assertEquals(Map.of(), Losses.klDivergence().parameters());
  }
}
