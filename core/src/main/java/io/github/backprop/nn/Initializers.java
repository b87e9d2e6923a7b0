package io.github.backprop.nn;

import io.github.backprop.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * The built-in initializers, with torch.nn.init's definitions. Registered under the names in
 * brackets; fan-in is a unit's number of inputs, fan-out the number of units.
 *
 * <ul>
 *   <li>{@code zeros}: 0
 *   <li>{@code constant} (value, required): value
 *   <li>{@code uniform} (low = 0, high = 1): U(low, high)
 *   <li>{@code normal} (mean = 0, std = 1): N(mean, std^2)
 *   <li>{@code xavier_uniform}: U(-b, b), b = sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio, 2010)
 *   <li>{@code xavier_normal}: N(0, 2 / (fanIn + fanOut))
 *   <li>{@code he_uniform}: U(-b, b), b = sqrt(6 / fanIn) (He et al., 2015; torch's
 *       kaiming_uniform_)
 *   <li>{@code he_normal}: N(0, 2 / fanIn)
 * </ul>
 */
public final class Initializers {
  private Initializers() {}

  /**
   * The built-in initializer of that name that needs no parameters (zeros, xavier_uniform,
   * xavier_normal, he_uniform, he_normal); parameterised ones come from the registry.
   *
   * @throws IllegalArgumentException for any other name, listing these
   */
  public static Initializer named(String name) {
    switch (name) {
      case "zeros": return zeros();
      case "xavier_uniform": return xavierUniform();
      case "xavier_normal": return xavierNormal();
      case "he_uniform": return heUniform();
      case "he_normal": return heNormal();
      default:
        throw new IllegalArgumentException(
            "no parameterless built-in initializer named \"" + name + "\"; known: he_normal, "
                + "he_uniform, xavier_normal, xavier_uniform, zeros");
    }
  }

  public static Initializer zeros() {
    return constant("zeros", 0.0);
  }

  public static Initializer constant(double value) {
    return constant("constant", value);
  }

  private static Initializer constant(String name, double value) {
    requireFinite("constant", "value", value);
    return new Initializer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void initialize(Tensor values, int fanIn, int fanOut, RandomGenerator random) {
        values.fillInPlace(value);
      }

      @Override
      public String toString() {
        return name.equals("zeros") ? "zeros" : "constant[value=" + value + "]";
      }
    };
  }

  /** U(low, high). */
  public static Initializer uniform(double low, double high) {
    requireFinite("uniform", "low", low);
    requireFinite("uniform", "high", high);
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "uniform: low must be less than high, got low=" + low + ", high=" + high);
    }
    return new Drawn("uniform", "low=" + low + ", high=" + high) {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        return low + (high - low) * random.nextDouble();
      }
    };
  }

  /** N(mean, std^2). */
  public static Initializer normal(double mean, double std) {
    requireFinite("normal", "mean", mean);
    requireFinite("normal", "std", std);
    if (std < 0) {
      throw new IllegalArgumentException("normal: std must be at least 0, got " + std);
    }
    return new Drawn("normal", "mean=" + mean + ", std=" + std) {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        return mean + std * random.nextGaussian();
      }
    };
  }

  public static Initializer xavierUniform() {
    return new Drawn("xavier_uniform", "") {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        return bound * (2 * random.nextDouble() - 1);
      }
    };
  }

  public static Initializer xavierNormal() {
    return new Drawn("xavier_normal", "") {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        return Math.sqrt(2.0 / (fanIn + fanOut)) * random.nextGaussian();
      }
    };
  }

  public static Initializer heUniform() {
    return new Drawn("he_uniform", "") {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        double bound = Math.sqrt(6.0 / fanIn);
        return bound * (2 * random.nextDouble() - 1);
      }
    };
  }

  public static Initializer heNormal() {
    return new Drawn("he_normal", "") {
      @Override
      double draw(int fanIn, int fanOut, RandomGenerator random) {
        return Math.sqrt(2.0 / fanIn) * random.nextGaussian();
      }
    };
  }

  private static void requireFinite(String initializer, String parameter, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          initializer + ": " + parameter + " must be finite, got " + value);
    }
  }

  /** An initializer that draws each element independently, in row-major order. */
  private abstract static class Drawn implements Initializer {
    private final String name;
    private final String parameters;

    Drawn(String name, String parameters) {
      this.name = name;
      this.parameters = parameters;
    }

    abstract double draw(int fanIn, int fanOut, RandomGenerator random);

    @Override
    public String name() {
      return name;
    }

    @Override
    public void initialize(Tensor values, int fanIn, int fanOut, RandomGenerator random) {
      double[] data = values.data();
      for (int i = 0; i < data.length; i++) {
        data[i] = draw(fanIn, fanOut, random);
      }
    }

    @Override
    public String toString() {
      return parameters.isEmpty() ? name : name + "[" + parameters + "]";
    }
  }
}
