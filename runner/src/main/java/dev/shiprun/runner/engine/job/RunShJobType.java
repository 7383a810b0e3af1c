package dev.shiprun.runner.engine.job;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHooks;
import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.TaskStep;
import dev.shiprun.spi.JobType;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.TaskPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code runSh} (spec §1.3.3, §1.3.4, §9 point 10): on_start, then each TASK; every TASK carries
 * on_failure and always (run right after a failing item, errors ignored), only the last one
 * on_success then always (a failure there fails the job).
 */
public final class RunShJobType implements JobType {

  @Override
  public String name() {
    return "runSh";
  }

  /** A {@code runCLI} job runs here as a runSh job does: its TASKs in bash. */
  @Override
  public Set<String> types() {
    return Set.of("runSh", "runCLI");
  }

  @Override
  public List<TaskPlan> tasks(Job job) {
    JobHooks hooks = job.hooks();
    List<String> failureHooks = new ArrayList<>(items(hooks.onFailure()));
    failureHooks.addAll(items(hooks.always()));
    List<TaskPlan> plans = new ArrayList<>();
    if (!hooks.onStart().script().isEmpty()) {
      plans.add(
          new TaskPlan(
              "on_start",
              new Script(items(hooks.onStart()), List.of(), failureHooks, List.of()),
              Optional.empty(),
              "on_start"));
    }
    List<TaskStep> tasks = job.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      TaskStep task = tasks.get(i);
      Script script =
          i == tasks.size() - 1
              ? new Script(
                  lines(task.script()),
                  items(hooks.onSuccess()),
                  items(hooks.onFailure()),
                  items(hooks.always()))
              : new Script(lines(task.script()), List.of(), failureHooks, List.of());
      plans.add(
          new TaskPlan("task_" + i, script, Optional.of(task), task.name().orElse("Task " + i)));
    }
    return plans;
  }

  @Override
  public Script onCancel(Job job) {
    return Script.of(items(job.hooks().onCancel()));
  }

  private static List<String> items(HookSection section) {
    return lines(section.script());
  }

  private static List<String> lines(List<ScriptLine> script) {
    return script.stream().map(ScriptLine::text).toList();
  }
}
