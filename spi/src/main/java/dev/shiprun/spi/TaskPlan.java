package dev.shiprun.spi;

import dev.shiprun.model.TaskStep;
import java.util.Objects;
import java.util.Optional;

/**
 * One script a job's run runs, in its place in the order.
 *
 * @param name a plain file name for it ({@code on_start}, {@code task_0})
 * @param script what runs
 * @param task the TASK it runs, when it is one (its name, its variables), empty for a hook section
 *     of its own such as on_start
 * @param title how the log names it, e.g. {@code Task 0} or the TASK's {@code name}
 */
public record TaskPlan(String name, Script script, Optional<TaskStep> task, String title) {

  public TaskPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(title, "title");
  }
}
