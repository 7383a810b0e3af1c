package dev.shiprun.runner.container;

import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import java.util.Objects;

/** The {@code container} executor: a script runs in a container of the image it asks for. */
public final class ContainerExecutor implements Executor {

  /** The executor's name, as a node's settings choose it. */
  public static final String NAME = "container";

  private final ContainerSettings settings;

  public ContainerExecutor(ContainerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExecutionOutcome run(Execution execution) {
    return new ExecutionOutcome.Errored(
        "the container executor cannot run scripts in this build (image "
            + settings.defaultImage()
            + " not used)");
  }
}
