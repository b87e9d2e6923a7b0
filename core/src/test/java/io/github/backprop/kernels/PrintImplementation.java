package io.github.backprop.kernels;

/** Prints {@link Gemm#implementation()}: run in a child JVM started with other flags. */
final class PrintImplementation {
  private PrintImplementation() {}

  public static void main(String[] args) {
    System.out.println(Gemm.implementation());
  }
}
