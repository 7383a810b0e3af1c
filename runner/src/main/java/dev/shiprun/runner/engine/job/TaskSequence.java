package dev.shiprun.runner.engine.job;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.engine.event.RunReport;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.LogOutput;
import dev.shiprun.runner.engine.log.VersionMask;
import dev.shiprun.runner.engine.workspace.ProcessEnvironment;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.exec.TaskTimeline;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStep;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.JobBody;
import dev.shiprun.spi.Script;
import dev.shiprun.spi.TaskPlan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks step: runs the scripts the job's type makes of it, in order, each where its {@link
 * ScriptPlacement} says (decided for all before the first starts, and logged as each starts) within
 * the {@link StopGuard}. Later tasks are skipped after a failure. A run whose tasks ended in a
 * status that posts no version (or on a full device) ends here; otherwise it goes on with how the
 * tasks ended.
 */
final class TaskSequence implements JobStep {

  /**
   * The status the scripts gave the job, why when it is not a success, and the report of a job
   * type's own body (see {@link dev.shiprun.spi.BodyOutcome#report}), masked, in its order.
   */
  record Outcome(RunStatus status, Optional<String> reason, Map<String, Object> report) {
    Outcome {
      report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
    }

    Outcome(RunStatus status, Optional<String> reason) {
      this(status, reason, Map.of());
    }
  }

  /** How much of a failed step's output its hint reads: the end, where a client's error is. */
  private static final int HINT_BYTES = 16 * 1024;

  /** How long on_cancel may run once the job was stopped. */
  private static final Duration ON_CANCEL_LIMIT = Duration.ofMinutes(1);

  private final DiskSpace disk;
  private final JobPlugins plugins;
  private final ScriptPlacement placement;
  private final RegistryAccess registry;

  TaskSequence(
      DiskSpace disk, JobPlugins plugins, ScriptPlacement placement, RegistryAccess registry) {
    this.disk = disk;
    this.plugins = plugins;
    this.placement = placement;
    this.registry = registry;
  }

  @Override
  public StepOutcome run(JobRun run) {
    Optional<JobBody> body = run.type().body(run.job());
    Outcome outcome = body.isPresent() ? body(run, body.get()) : tasks(run);
    if (outcome.status() != RunStatus.CANCELLED
        && (outcome.reason().filter(DiskSpace::says).isPresent() || disk.full())) {
      // Whatever the scripts did, the state and versions cannot be kept on a full device.
      return new StepOutcome.DiskFull();
    }
    if (!outcome.status().postsJobVersion()) {
      return new StepOutcome.Finished(outcome.status(), outcome.reason(), outcome.report());
    }
    return new StepOutcome.Next(run.with(outcome));
  }

  /**
   * A job type's own body, in place of the task plans. Its report holds test names and messages
   * from the build's files, which may echo a secret: it is masked as the log is.
   */
  private Outcome body(JobRun run, JobBody body) {
    RunSteps.Begun step = run.steps().begin(run.type().name(), RunStep.Kind.BUILD);
    BodyOutcome ended = body.run(new EngineJobContext(run, plugins, placement, registry));
    RunStatus status =
        switch (ended.ending()) {
          case SUCCESS -> RunStatus.SUCCESS;
          case FAILURE -> RunStatus.FAILURE;
          case ERROR -> RunStatus.ERROR;
          case TIMEOUT -> RunStatus.TIMEOUT;
          case CANCELLED -> RunStatus.CANCELLED;
        };
    step.end(status, Instant.now());
    SecretMasker masker = run.log().masker();
    return new Outcome(
        status,
        ended.reason().map(masker::mask),
        new VersionMask(masker).masked(new RunReport(ended.report()).withTotals()));
  }

  private Outcome tasks(JobRun run) {
    JobLog log = run.log();
    Map<String, String> env = run.environment().orElseThrow();
    BuildFolder folder = run.folder().orElseThrow();
    FailureHint hint = new RegistryHint(folder.grants(), run.settings().home());
    List<TaskPlan> plans = run.type().tasks(run.job());
    List<ScriptPlacement.Placement> placements = new ArrayList<>();
    for (TaskPlan plan : plans) {
      try {
        placements.add(
            plan.task().isPresent()
                ? placement.task(run.job(), plan.task().get(), plan.title(), env, folder)
                : placement.hook(run.job(), folder));
      } catch (ScriptPlacement.Unplaceable e) {
        return new Outcome(RunStatus.ERROR, Optional.of(e.getMessage()));
      }
    }
    StopGuard guard =
        new StopGuard(log::runner, run.deadline(), run.limit(), () -> onCancel(run, env));
    for (int i = 0; i < plans.size(); i++) {
      TaskPlan plan = plans.get(i);
      ScriptPlacement.Placement place = placements.get(i);
      Map<String, String> vars = env;
      log.runner(label(plan) + " started " + place.where());
      if (plan.task().isPresent()) {
        vars =
            ProcessEnvironment.task(
                env,
                plan.title(),
                plan.task().get(),
                place.container(),
                run.settings().runtime().defaultImage());
      }
      Map<String, String> taskVars = vars;
      long mark = log.length();
      RunSteps.Begun step =
          run.steps()
              .begin(plan.title(), plan.task().isPresent() ? RunStep.Kind.TASK : RunStep.Kind.HOOK);
      StopGuard.Guarded guarded =
          guard.run(
              plan.name(),
              () ->
                  place
                      .executor()
                      .run(
                          execution(
                              run,
                              plan.name(),
                              plan.script(),
                              taskVars,
                              run.deadline(),
                              run.request().cancellation(),
                              place.container())));
      Optional<Outcome> ended = ended(guarded, log, hint, mark);
      steps(
          run.steps(),
          step,
          ended.map(Outcome::status).orElse(RunStatus.SUCCESS),
          TaskTimeline.read(run.workspace().scripts(), plan.name()),
          Instant.now());
      if (ended.isPresent()) {
        return ended.get();
      }
    }
    return new Outcome(RunStatus.SUCCESS, Optional.empty());
  }

  /**
   * The steps of one script that began as {@code step} and ended {@code status} at {@code end}: the
   * script up to its first hook section, then each hook section that ran in its shell. The one
   * where it stopped gets {@code status}: the hook section the wrapper was in, else the script
   * itself (after which on_failure and always ran with their errors ignored, so they succeed).
   */
  private static void steps(
      RunSteps steps, RunSteps.Begun step, RunStatus status, TaskTimeline timeline, Instant end) {
    List<TaskTimeline.HookStart> hooks =
        timeline.hooks().stream().filter(h -> !h.startedAt().isBefore(step.startedAt())).toList();
    int stoppedIn = -1;
    if (status != RunStatus.SUCCESS && timeline.lastPart().isPresent()) {
      for (int i = 0; i < hooks.size(); i++) {
        if (hooks.get(i).name().equals(timeline.lastPart().get())) {
          stoppedIn = i;
        }
      }
    }
    step.end(
        stoppedIn == -1 ? status : RunStatus.SUCCESS,
        hooks.isEmpty() ? end : hooks.get(0).startedAt());
    for (int i = 0; i < hooks.size(); i++) {
      steps.ran(
          hooks.get(i).name(),
          RunStep.Kind.HOOK,
          i == stoppedIn ? status : RunStatus.SUCCESS,
          hooks.get(i).startedAt(),
          i + 1 < hooks.size() ? hooks.get(i + 1).startedAt() : end);
    }
  }

  /** How the log names a script: {@code TASK 'build'}, or the hook section's name. */
  private static String label(TaskPlan plan) {
    return plan.task().isPresent() ? "TASK '" + plan.title() + "'" : plan.title();
  }

  /** How the job ends after a script, or empty when it goes on. */
  private static Optional<Outcome> ended(
      StopGuard.Guarded guarded, JobLog log, FailureHint hint, long mark) {
    if (guarded instanceof StopGuard.Stopped stopped) {
      return Optional.of(stopped.outcome());
    }
    ExecutionOutcome outcome = ((StopGuard.Ran) guarded).outcome();
    if (outcome instanceof ExecutionOutcome.Failed failed) {
      outcome.notes().forEach(log::runner);
      List<String> hints = hints(log, hint, mark);
      log.runner(failed.message());
      hints.forEach(log::runner);
      return Optional.of(new Outcome(RunStatus.FAILURE, Optional.of(failed.message())));
    }
    if (outcome instanceof ExecutionOutcome.Errored errored) {
      log.runner(errored.reason());
      return Optional.of(new Outcome(RunStatus.ERROR, Optional.of(errored.reason())));
    }
    outcome.notes().forEach(log::runner);
    return Optional.empty();
  }

  private static Execution execution(
      JobRun run,
      String name,
      Script script,
      Map<String, String> env,
      Instant deadline,
      dev.shiprun.spi.CancelSignal cancel,
      Optional<ContainerRequest> container) {
    Workspace ws = run.workspace();
    return new Execution(
        name,
        script,
        env,
        ws.root(),
        ws.scripts(),
        new LogOutput(run.log()),
        deadline,
        cancel,
        run.runMark(),
        container);
  }

  /** What the job's hint makes of the end of the failed step's output; none if unreadable. */
  private static List<String> hints(JobLog log, FailureHint hint, long mark) {
    try {
      return hint.lines(log.since(mark, HINT_BYTES));
    } catch (IOException e) {
      return List.of(); // only a hint: the failure itself is reported all the same
    }
  }

  /** on_cancel, once the job's processes are gone: a limit of its own, not cancelled itself. */
  private void onCancel(JobRun run, Map<String, String> env) {
    Script onCancel = run.type().onCancel(run.job());
    if (onCancel.items().isEmpty()) {
      return;
    }
    JobLog log = run.log();
    ScriptPlacement.Placement place = placement.hook(run.job(), run.folder().orElseThrow());
    log.runner("running on_cancel " + place.where());
    ExecutionOutcome outcome =
        place
            .executor()
            .run(
                execution(
                    run,
                    "on_cancel",
                    onCancel,
                    env,
                    Instant.now().plus(ON_CANCEL_LIMIT),
                    () -> false,
                    place.container()));
    if (outcome instanceof ExecutionOutcome.Failed failed) {
      log.runner("on_cancel: " + failed.message());
    } else if (!(outcome instanceof ExecutionOutcome.Succeeded)) {
      log.runner("on_cancel did not finish: " + outcome.getClass().getSimpleName().toLowerCase());
    }
  }

  /** {@code 60 min}, or {@code 90 s} when not whole minutes. */
  static String minutes(Duration d) {
    long seconds = d.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }
}
