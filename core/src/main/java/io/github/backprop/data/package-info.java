/**
 * Getting data into a network: {@link io.github.backprop.data.Dataset} pairs an input tensor of
 * shape [n, features] with a target tensor of shape [n, outputs], and everything else here makes,
 * reads, divides or rescales one. {@link io.github.backprop.data.CsvReader} reads small tabular
 * files (with one-hot class labels through {@link io.github.backprop.data.CsvTable#toDataset}),
 * {@link io.github.backprop.data.IdxReader} reads MNIST's IDX files, plain or gzip, and
 * {@link io.github.backprop.data.Synthetic} generates seeded toy problems (XOR, spirals, moons,
 * circles, sine); {@link io.github.backprop.data.Splits} holds out a test part, stratified by
 * class when asked, and {@link io.github.backprop.data.Scaler} standardizes or min-max scales
 * features with statistics fitted on the training part only. Readers report bad input with the
 * file, line, column, and the value expected and found; every random choice comes from a
 * Mersenne Twister seeded by the caller, so the same seed always gives the same data. The main
 * entry type is {@link io.github.backprop.data.Dataset}.
 */
package io.github.backprop.data;
