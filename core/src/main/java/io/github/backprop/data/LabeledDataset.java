package io.github.backprop.data;

import java.util.List;
import java.util.Objects;

/**
 * A {@link Dataset} together with the names of its columns and, for classification, of its
 * classes: what is needed to turn a prediction back into words.
 *
 * <pre>{@code
 * LabeledDataset iris = CsvReader.read(file).toDataset(List.of("species"), true);
 * int predicted = 2;                                      // argmax of the network's output
 * String species = iris.classes().get(predicted);         // "virginica"
 * }</pre>
 *
 * <p>For a one-hot classification target, {@code targetNames} holds the one source column and
 * target column {@code k} is class {@code classes().get(k)}. For numeric targets, {@code classes}
 * is empty and target column {@code k} is {@code targetNames().get(k)}. The lists are immutable
 * copies.
 *
 * @param data the examples and targets
 * @param featureNames one name per input column, in column order
 * @param targetNames the target columns' names: one per target column, or the single label
 *     column when the targets are one-hot
 * @param classes the class labels in one-hot column order, or empty for numeric targets
 */
public record LabeledDataset(
    Dataset data, List<String> featureNames, List<String> targetNames, List<String> classes) {

  /**
   * @throws NullPointerException if any component or list element is null
   * @throws IllegalArgumentException if a list's length does not match the data's widths
   */
  public LabeledDataset {
    Objects.requireNonNull(data, "data");
    featureNames = List.copyOf(featureNames);
    targetNames = List.copyOf(targetNames);
    classes = List.copyOf(classes);
    if (featureNames.size() != data.inputWidth()) {
      throw new IllegalArgumentException(
          "LabeledDataset: " + featureNames.size() + " feature names for "
              + data.inputWidth() + " input columns");
    }
    if (classes.isEmpty()) {
      if (targetNames.size() != data.targetWidth()) {
        throw new IllegalArgumentException(
            "LabeledDataset: " + targetNames.size() + " target names for "
                + data.targetWidth() + " target columns");
      }
    } else if (classes.size() != data.targetWidth() || targetNames.size() != 1) {
      throw new IllegalArgumentException(
          "LabeledDataset: one-hot targets need one target name and one class per target column;"
              + " got " + targetNames.size() + " target names and " + classes.size()
              + " classes for " + data.targetWidth() + " target columns");
    }
  }

  /** Whether the targets are one-hot classes (then {@link #classes()} is not empty). */
  public boolean isClassification() {
    return !classes.isEmpty();
  }
}
