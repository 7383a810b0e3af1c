package dev.shiprun.model;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code - TASK:} — scripts that run in order; old list format is converted on read. */
public record TaskStep(
    Optional<String> name, List<ScriptLine> script, TaskRuntime runtime, SourceLocation at)
    implements Step {

  public TaskStep {
    Objects.requireNonNull(name, "name");
    script = List.copyOf(script);
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(at, "at");
  }

  /** The name Shippable shows: the given one, else "Task &lt;index&gt;" (0-based). */
  public String displayName(int index) {
    return name.orElse("Task " + index);
  }
}
