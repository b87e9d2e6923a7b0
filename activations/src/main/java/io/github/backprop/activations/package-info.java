/**
 * The stock activation functions, registered by torch-style name through {@link
 * io.github.backprop.activations.ActivationsModule} and created directly through {@link
 * io.github.backprop.activations.Activations}.
 *
 * <p>Each class states f, f' and its parameters in one line. Derivatives are read from the
 * output where that saves work (sigmoid, tanh, elu, silu, gelu); at kinks they take the value
 * torch's backward kernels give (relu'(0) = 0); and every function is finite with the right
 * limits for |z| up to 1e4. The implementation classes are package-private: use the registry
 * or the factory methods.
 */
package io.github.backprop.activations;
