package io.github.backprop.cli;

/**
 * An independent oracle for the tests: a sigmoid network with squared error trained by plain
 * loops over the seeds' algorithm, sample by sample (forward pass, BP1 to BP4), averaging the
 * per-sample gradients over each batch as the mean loss requires.
 */
final class Reference {
  /** w[l][j][k]: layer l, from input k to unit j. */
  final double[][][] w;
  final double[][] b;

  Reference(double[][][] w, double[][] b) {
    this.w = new double[w.length][][];
    this.b = new double[b.length][];
    for (int l = 0; l < w.length; l++) {
      this.w[l] = new double[w[l].length][];
      for (int j = 0; j < w[l].length; j++) {
        this.w[l][j] = w[l][j].clone();
      }
      this.b[l] = b[l].clone();
    }
  }

  /** A copy with its own weights. */
  Reference copy() {
    return new Reference(w, b);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** a[l] for l = 0 (the input) to L. */
  double[][] forward(double[] x) {
    double[][] a = new double[w.length + 1][];
    a[0] = x;
    for (int l = 0; l < w.length; l++) {
      a[l + 1] = new double[w[l].length];
      for (int j = 0; j < w[l].length; j++) {
        double z = b[l][j];
        for (int k = 0; k < a[l].length; k++) {
          z += w[l][j][k] * a[l][k];
        }
        a[l + 1][j] = sigmoid(z);
      }
    }
    return a;
  }

  /** 1/2 sum_j (y_j - a_j)^2 for one sample. */
  double loss(double[] x, double[] y) {
    double[] out = forward(x)[w.length];
    double sum = 0;
    for (int j = 0; j < y.length; j++) {
      sum += (y[j] - out[j]) * (y[j] - out[j]);
    }
    return sum / 2;
  }

  double meanLoss(double[][] x, double[][] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += loss(x[i], y[i]);
    }
    return sum / x.length;
  }

  /**
   * Adds (1/n) dC_sample/dW and dC_sample/db into gw and gb, by BP1 (delta^L = (a - y) *
   * sigma'(z)), BP2 (delta^l = (W^T delta^(l+1)) * sigma'(z)), BP3 and BP4.
   */
  void accumulate(double[] x, double[] y, double scale, double[][][] gw, double[][] gb) {
    double[][] a = forward(x);
    int layers = w.length;
    double[] delta = new double[y.length];
    for (int j = 0; j < y.length; j++) {
      double out = a[layers][j];
      delta[j] = (out - y[j]) * out * (1 - out);
    }
    for (int l = layers - 1; l >= 0; l--) {
      for (int j = 0; j < delta.length; j++) {
        gb[l][j] += scale * delta[j];
        for (int k = 0; k < a[l].length; k++) {
          gw[l][j][k] += scale * delta[j] * a[l][k];
        }
      }
      if (l > 0) {
        double[] previous = new double[a[l].length];
        for (int k = 0; k < previous.length; k++) {
          double sum = 0;
          for (int j = 0; j < delta.length; j++) {
            sum += w[l][j][k] * delta[j];
          }
          previous[k] = sum * a[l][k] * (1 - a[l][k]);
        }
        delta = previous;
      }
    }
  }

  /** The gradient of the mean loss over the rows, as {weights per layer, bias per layer}. */
  Object[] gradients(double[][] x, double[][] y) {
    double[][][] gw = zerosLike(w);
    double[][] gb = new double[b.length][];
    for (int l = 0; l < b.length; l++) {
      gb[l] = new double[b[l].length];
    }
    for (int i = 0; i < x.length; i++) {
      accumulate(x[i], y[i], 1.0 / x.length, gw, gb);
    }
    return new Object[] {gw, gb};
  }

  /**
   * Plain mini-batch SGD: batches in data order, the last one short, one step per batch on the
   * gradient of the batch's mean loss.
   */
  void sgdEpoch(double[][] x, double[][] y, int batchSize, double learningRate) {
    sgdEpoch(x, y, batchSize, learningRate, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #sgdEpoch(double[][], double[][], int, double)} with each batch's gradient clipped
   * as torch.nn.utils.clip_grad_norm_ does: scaled by min(1, maxNorm / (norm + 1e-6)), the
   * norm taken over every weight and bias together.
   */
  void sgdEpoch(double[][] x, double[][] y, int batchSize, double learningRate,
      double maxNorm) {
    for (int from = 0; from < x.length; from += batchSize) {
      int to = Math.min(x.length, from + batchSize);
      double[][][] gw = zerosLike(w);
      double[][] gb = new double[b.length][];
      for (int l = 0; l < b.length; l++) {
        gb[l] = new double[b[l].length];
      }
      for (int i = from; i < to; i++) {
        accumulate(x[i], y[i], 1.0 / (to - from), gw, gb);
      }
      double squares = 0;
      for (int l = 0; l < w.length; l++) {
        for (int j = 0; j < w[l].length; j++) {
          squares += gb[l][j] * gb[l][j];
          for (int k = 0; k < w[l][j].length; k++) {
            squares += gw[l][j][k] * gw[l][j][k];
          }
        }
      }
      double scale = Math.min(1.0, maxNorm / (Math.sqrt(squares) + 1e-6));
      for (int l = 0; l < w.length; l++) {
        for (int j = 0; j < w[l].length; j++) {
          b[l][j] -= learningRate * (gb[l][j] * scale);
          for (int k = 0; k < w[l][j].length; k++) {
            w[l][j][k] -= learningRate * (gw[l][j][k] * scale);
          }
        }
      }
    }
  }

  private static double[][][] zerosLike(double[][][] w) {
    double[][][] out = new double[w.length][][];
    for (int l = 0; l < w.length; l++) {
      out[l] = new double[w[l].length][w[l][0].length];
    }
    return out;
  }
}
