package io.github.backprop.gradcheck;

/**
 * What a {@link GradientCheck} found.
 *
 * @param relativeError the worst |backprop - numeric| / max(1, |backprop|, |numeric|) over all
 *     elements; infinite where either is NaN
 * @param parameter the parameter holding the worst element, such as {@code layers[1].weights}
 * @param element the worst element's index within it, such as {@code [0][1]}
 * @param backprop the gradient backprop computed there
 * @param numeric the central finite difference there
 * @param checked how many elements were compared
 * @param suspectLayer the last layer whose gradients disagree by more than
 *     {@link GradientCheck#SUSPECT_THRESHOLD}, such as {@code layers[1]}, or null if none
 * @param suspectActivation that layer's activation name, or null if none
 */
public record GradientCheckResult(double relativeError, String parameter, String element,
    double backprop, double numeric, int checked, String suspectLayer, String suspectActivation) {

  /** Whether every element agreed within {@code tolerance}. */
  public boolean passed(double tolerance) {
    return relativeError < tolerance;
  }

  /** One line: the worst error, where it is, and the likely culprit. */
  @Override
  public String toString() {
    String where = String.format(
        "worst relative error %.3g at %s%s: backprop %s, finite difference %s (%d elements)",
        relativeError, parameter, element, backprop, numeric, checked);
    if (suspectLayer == null) {
      return where;
    }
    return where + "; the last layer that disagrees is " + suspectLayer + " with activation \""
        + suspectActivation + "\": check that activation's derivative";
  }
}
