package io.github.backprop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop.nn.Dense;
import io.github.backprop.nn.Network;
import io.github.backprop.tensor.Tensor;
import io.github.backprop.testing.TestActivations;
import io.github.backprop.testing.TestLosses;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's four equations, evaluated per sample in matrix form with Commons Math, equal the
 * engine's batched gradients on a random 3-layer sigmoid network with C = 1/2 ||y - a^L||^2:
 *
 * <pre>
 * BP1  delta^L = (a^L - y) (.) sigma'(z^L)
 * BP2  delta^l = ((W^{l+1})^T delta^{l+1}) (.) sigma'(z^l)
 * BP3  dC/db^l = delta^l
 * BP4  dC/dW^l = delta^l (a^{l-1})^T
 * </pre>
 *
 * The batch's loss is the mean over samples, so each equation's result is averaged.
 */
class BpEquationsTest {
  @Test
  void engineGradients_equalBp1ToBp4_averagedOverTheBatch() {
    Random random = new Random(3);
    int[] widths = {4, 5, 3, 2};
    Network network = Network.builder(widths[0])
        .dense(widths[1], TestActivations.sigmoid())
        .dense(widths[2], TestActivations.sigmoid())
        .dense(widths[3], TestActivations.sigmoid())
        .seed(11)
        .build();
    int batch = 6;
    double[][] x = new double[batch][widths[0]];
    double[][] y = new double[batch][widths[3]];
    for (int n = 0; n < batch; n++) {
      for (int k = 0; k < widths[0]; k++) {
        x[n][k] = random.nextGaussian();
      }
      for (int j = 0; j < widths[3]; j++) {
        y[n][j] = random.nextDouble();
      }
    }

    Gradients.compute(network, TestLosses.squaredError(), Tensor.of(x), Tensor.of(y));

    List<Dense> layers = network.layers();
    int depth = layers.size();
    RealMatrix[] weightGrad = new RealMatrix[depth];
    RealVector[] biasGrad = new RealVector[depth];
    for (int l = 0; l < depth; l++) {
      weightGrad[l] = MatrixUtils.createRealMatrix(layers.get(l).units(), layers.get(l).inputs());
      biasGrad[l] = new ArrayRealVector(layers.get(l).units());
    }
    for (int n = 0; n < batch; n++) {
      // forward, keeping z^l and a^l
      RealVector[] z = new RealVector[depth];
      RealVector[] a = new RealVector[depth + 1];
      a[0] = new ArrayRealVector(x[n]);
      for (int l = 0; l < depth; l++) {
        z[l] = weights(layers.get(l)).operate(a[l]).add(bias(layers.get(l)));
        a[l + 1] = z[l].map(v -> 1 / (1 + Math.exp(-v)));
      }
      // BP1
      RealVector[] delta = new RealVector[depth];
      delta[depth - 1] = a[depth].subtract(new ArrayRealVector(y[n]))
          .ebeMultiply(sigmaPrime(z[depth - 1]));
      // BP2
      for (int l = depth - 2; l >= 0; l--) {
        delta[l] = weights(layers.get(l + 1)).transpose().operate(delta[l + 1])
            .ebeMultiply(sigmaPrime(z[l]));
      }
      // BP3, BP4, averaged over the batch
      for (int l = 0; l < depth; l++) {
        biasGrad[l] = biasGrad[l].add(delta[l].mapDivide(batch));
        weightGrad[l] = weightGrad[l].add(delta[l].outerProduct(a[l]).scalarMultiply(1.0 / batch));
      }
    }

    for (int l = 0; l < depth; l++) {
      Tensor gw = layers.get(l).weights().grad();
      Tensor gb = layers.get(l).bias().grad();
      for (int j = 0; j < gw.rows(); j++) {
        assertEquals(biasGrad[l].getEntry(j), gb.get(j), 1e-15, "BP3 layer " + l + " unit " + j);
        for (int k = 0; k < gw.cols(); k++) {
          assertEquals(weightGrad[l].getEntry(j, k), gw.get(j, k), 1e-15,
              "BP4 layer " + l + " w[" + j + "][" + k + "]");
        }
      }
    }
  }

  private static RealMatrix weights(Dense layer) {
    return MatrixUtils.createRealMatrix(layer.weights().value().toArray2d());
  }

  private static RealVector bias(Dense layer) {
    return new ArrayRealVector(layer.bias().value().data());
  }

  private static RealVector sigmaPrime(RealVector z) {
    return z.map(v -> {
      double s = 1 / (1 + Math.exp(-v));
      return s * (1 - s);
    });
  }
}
