package io.github.backprop.cli;

import io.github.backprop.train.LearningRateSchedule;
import java.util.List;
import java.util.Set;

/**
 * The {@code training.schedule} field (docs/spec.md): a learning-rate schedule named as in the
 * Java API, in the spec's snake_case, with torch.optim.lr_scheduler's parameters and defaults:
 * {@code {"name": "step", "stepSize": 10, "gamma": 0.5}}, or just {@code "constant"}.
 */
final class ScheduleSpec {
  /** torch's default gamma for StepLR and MultiStepLR. */
  private static final double DEFAULT_GAMMA = 0.1;
  /** torch's LinearLR defaults: start_factor, end_factor, total_iters. */
  private static final double DEFAULT_START_FACTOR = 1.0 / 3;
  private static final double DEFAULT_END_FACTOR = 1.0;
  private static final int DEFAULT_LINEAR_EPOCHS = 5;

  private static final List<String> NAMES = List.of("constant", "step", "multi_step",
      "exponential", "cosine_annealing", "linear", "warm_up");

  private ScheduleSpec() {}

  /**
   * Reads a schedule, either form.
   *
   * @throws BadInputException naming the JSON path of the first problem: an unknown name or
   *     field, a missing or mistyped parameter, or a value the schedule rejects
   */
  static LearningRateSchedule read(JsonAt at) {
    String name;
    if (at.node() != null && at.node().isTextual()) {
      name = at.string();
    } else if (at.node() != null && at.node().isObject()) {
      name = at.get("name").require("give a schedule's name, as in {\"name\": \"step\", "
          + "\"stepSize\": 10}").string();
    } else {
      throw at.error("expected a schedule's name or an object with \"name\" and parameters, got "
          + JsonAt.describe(at.node()));
    }
    Params p = new Params(at);
    try {
      switch (name) {
        case "constant":
          p.known();
          return LearningRateSchedule.constant();
        case "step":
          p.known("stepSize", "gamma");
          return LearningRateSchedule.step(p.count("stepSize", -1), p.number("gamma",
              DEFAULT_GAMMA));
        case "multi_step":
          p.known("milestones", "gamma");
          return LearningRateSchedule.multiStep(p.counts("milestones"),
              p.number("gamma", DEFAULT_GAMMA));
        case "exponential":
          p.known("gamma");
          return LearningRateSchedule.exponential(p.number("gamma"));
        case "cosine_annealing":
          p.known("tMax", "minLearningRate");
          return LearningRateSchedule.cosineAnnealing(p.count("tMax", -1),
              p.number("minLearningRate", 0.0));
        case "linear":
          p.known("startFactor", "endFactor", "epochs");
          return LearningRateSchedule.linear(p.number("startFactor", DEFAULT_START_FACTOR),
              p.number("endFactor", DEFAULT_END_FACTOR), p.count("epochs", DEFAULT_LINEAR_EPOCHS));
        case "warm_up":
          p.known("epochs", "startFactor", "then");
          int epochs = p.count("epochs", -1);
          double startFactor = p.number("startFactor", DEFAULT_START_FACTOR);
          JsonAt then = at.get("then");
          return LearningRateSchedule.warmUp(epochs, startFactor,
              then.isPresent() ? read(then) : LearningRateSchedule.constant());
        default:
          throw (at.node().isObject() ? at.get("name") : at).error("unknown schedule \"" + name
              + "\"; known schedules: " + String.join(", ", NAMES));
      }
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /** The parameters beside a schedule's name; the string form has none, so all default. */
  private static final class Params {
    private final JsonAt at;

    Params(JsonAt at) {
      this.at = at;
    }

    /** Checks that the object form has no fields but {@code name} and these. */
    void known(String... names) {
      if (at.node().isObject()) {
        String[] all = new String[names.length + 1];
        all[0] = "name";
        System.arraycopy(names, 0, all, 1, names.length);
        Set<String> known = JsonAt.names(all);
        at.requireObject(known);
      }
    }

    /** A required number. */
    double number(String name) {
      return field(name).require(requirement(name)).number();
    }

    double number(String name, double otherwise) {
      JsonAt field = field(name);
      return field.isPresent() ? field.number() : otherwise;
    }

    /** A whole number of at least 1, or {@code otherwise} if absent; -1 makes it required. */
    int count(String name, int otherwise) {
      JsonAt field = field(name);
      if (!field.isPresent() && otherwise >= 0) {
        return otherwise;
      }
      return field.require(requirement(name)).count(1);
    }

    /** A required array of whole numbers of at least 1. */
    int[] counts(String name) {
      List<JsonAt> items = field(name).require(requirement(name)).elements();
      int[] out = new int[items.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = items.get(i).count(1);
      }
      return out;
    }

    /** The field; absent in the string form, whose parameters all take their defaults. */
    private JsonAt field(String name) {
      return at.get(name);
    }

    private static String requirement(String name) {
      return "this schedule needs \"" + name + "\"";
    }
  }
}
