package io.github.backprop.nn;

import io.github.backprop.tensor.Tensor;
import java.util.Map;

/**
 * An activation function a = f(z), applied to a whole batch at once.
 *
 * <p>Element-wise functions extend {@link ElementwiseActivation} (two loops over arrays) or
 * {@link ScalarActivation} (two scalar methods); functions of a whole row, such as softmax,
 * implement this interface directly.
 *
 * <p>Contract: z, a, upstream and dz all have shape [batch, units]; neither method changes its
 * inputs; {@code forward} is called before {@code backward} with the same z and a.
 * Implementations are stateless and thread-safe.
 */
public interface Activation {
  /** The registered name, such as {@code "sigmoid"}; written into model files. */
  String name();

  /** Writes a = f(z). */
  void forward(Tensor z, Tensor a);

  /**
   * Writes the vector-Jacobian product dz = upstream . da/dz (BP1/BP2's {@code * f'(z)} for an
   * element-wise f), overwriting dz.
   *
   * @param z the input of the forward pass
   * @param a the output of the forward pass (cheaper derivatives read it: sigmoid' = a (1 - a))
   * @param upstream dC/da
   * @param dz receives dC/dz
   */
  void backward(Tensor z, Tensor a, Tensor upstream, Tensor dz);

  /**
   * The initializer to draw weights from when none is given: {@code "xavier_uniform"} suits
   * sigmoid, tanh and linear units; the ReLU family returns {@code "he_uniform"}.
   */
  default String defaultInitializer() {
    return "xavier_uniform";
  }

  /**
   * The hyperparameters this instance was made with, by their registered names (such as
   * {@code alpha} for leaky_relu), so that a saved model can name it again. Empty by default.
   */
  default Map<String, Object> parameters() {
    return Map.of();
  }
}
