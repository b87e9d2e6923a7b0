package io.github.backprop.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.github.backprop.data.Dataset;
import io.github.backprop.data.Synthetic;
import io.github.backprop.gradcheck.GradientCheck;
import io.github.backprop.gradcheck.GradientCheckResult;
import io.github.backprop.inject.Backprop;
import io.github.backprop.inject.BackpropPlugin;
import io.github.backprop.inject.Components;
import io.github.backprop.inject.Plugins;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.ScalarActivation;
import io.github.backprop.train.Loss;
import io.github.backprop.train.Trainer;
import io.github.backprop.train.TrainingHistory;
import java.io.PrintStream;
import java.util.Map;

/**
 * Adding your own activation: a swish with a parameter, swish_beta(z) = z sigmoid(beta z),
 * written as one class, bound by name in the user's own Guice module, used by name in a
 * network that learns sin(x), and checked against finite differences by {@link GradientCheck}.
 * A copy with a wrong derivative shows what the check reports: the activation, by name.
 *
 * <p>Run with an optional number of epochs (default 2000), as {@code --epochs 500}:
 * {@code java -cp ... io.github.backprop.examples.CustomActivation --epochs 500}
 */
public final class CustomActivation {
  /** The default number of epochs. */
  static final int EPOCHS = 2000;

  private CustomActivation() {}

  /** swish_beta(z) = z s with s = sigmoid(beta z); derivative s + beta a (1 - s). */
  static final class SwishBeta extends ScalarActivation {
    private final double beta;

    SwishBeta(double beta) {
      if (!(beta > 0)) {
        throw new IllegalArgumentException("swish_beta: beta must be positive, got " + beta);
      }
      this.beta = beta;
    }

    @Override
    public String name() {
      return "swish_beta";
    }

    @Override
    public double value(double z) {
      return z / (1 + Math.exp(-beta * z));
    }

    @Override
    public double derivative(double z, double a) {
      double s = 1 / (1 + Math.exp(-beta * z));
      return s + beta * a * (1 - s);
    }

    @Override
    public Map<String, Object> parameters() {
      return Map.of("beta", beta);   // so a saved model can name it again
    }
  }

  /** Registers swish_beta by name; its beta defaults to 1. */
  static final class SwishBetaModule extends AbstractModule {
    @Override
    protected void configure() {
      Plugins.activation(binder(), "swish_beta", p -> new SwishBeta(p.getDouble("beta", 1.0)));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SwishBetaModule;
    }

    @Override
    public int hashCode() {
      return SwishBetaModule.class.hashCode();
    }
  }

  /**
   * The door for discovery instead of an explicit module: list this class in
   * META-INF/services/io.github.backprop.inject.BackpropPlugin.
   */
  public static final class SwishBetaPlugin implements BackpropPlugin {
    @Override
    public Module module() {
      return new SwishBetaModule();
    }
  }

  /** swish_beta with a derivative that forgets the second term: what a gradient check is for. */
  static final class BuggySwishBeta extends ScalarActivation {
    private final double beta;

    BuggySwishBeta(double beta) {
      this.beta = beta;
    }

    @Override
    public String name() {
      return "swish_beta_buggy";
    }

    @Override
    public double value(double z) {
      return z / (1 + Math.exp(-beta * z));
    }

    @Override
    public double derivative(double z, double a) {
      return 1 / (1 + Math.exp(-beta * z));   // wrong: drops + beta a (1 - s)
    }
  }

  /** What one run found. */
  record Outcome(TrainingHistory history, GradientCheckResult check,
      GradientCheckResult buggyCheck) {}

  public static void main(String[] args) {
    Args options = Args.parse("custom-activation", args, "epochs");
    run(options.intValue("epochs", EPOCHS), System.out);
  }

  static Outcome run(int epochs, PrintStream out) {
    Components components = Backprop.components(new SwishBetaModule());
    Network network = Network.builder(1)
        .dense(16, components.activation("swish_beta", Map.of("beta", 1.5)))
        .dense(1, components.activation("identity"))
        .seed(7)
        .build();
    Dataset sine = Synthetic.sine(64, 1);
    Loss loss = components.loss("squared_error");
    Trainer trainer = Trainer.builder()
        .loss(loss)
        .optimizer(components.optimizer("sgd", Map.of("learningRate", 0.1)))
        .epochs(epochs)
        .batchSize(16)
        .shuffle(3)
        .build();
    TrainingHistory history = trainer.fit(network, sine);
    out.printf("%s learns sin(x): loss %.5f after epoch 1, %.5f after epoch %d%n",
        network, history.epochs().get(0).meanLoss(), history.finalLoss(), epochs);

    Dataset few = sine.slice(0, 8);
    GradientCheckResult check = GradientCheck.run(network, loss, few.inputs(), few.targets());
    out.println("gradient check " + (check.passed(1e-6) ? "passed: " : "FAILED: ") + check);

    Network buggy = Network.builder(1)
        .dense(4, new BuggySwishBeta(1.5))
        .dense(1, components.activation("identity"))
        .seed(7)
        .build();
    GradientCheckResult buggyCheck =
        GradientCheck.run(buggy, loss, few.inputs(), few.targets());
    out.println("with a wrong derivative the check "
        + (buggyCheck.passed(1e-6) ? "passed (unexpected): " : "fails: ") + buggyCheck);
    return new Outcome(history, check, buggyCheck);
  }
}
