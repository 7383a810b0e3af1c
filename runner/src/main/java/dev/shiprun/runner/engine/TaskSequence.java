package dev.shiprun.runner.engine;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHooks;
import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.TaskStep;
import dev.shiprun.runner.exec.Cancellation;
import dev.shiprun.runner.exec.KillReport;
import dev.shiprun.runner.exec.Launch;
import dev.shiprun.runner.exec.LaunchResult;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.RunToken;
import dev.shiprun.runner.exec.SignalledProcess;
import dev.shiprun.runner.exec.TaskOutcome;
import dev.shiprun.runner.exec.TaskScript;
import dev.shiprun.runner.exec.TaskScriptFile;
import dev.shiprun.runner.store.RunStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a job's scripts in order (spec §1.3.3, §1.3.4, §9 point 10): on_start, then each TASK; every
 * TASK carries on_failure and always (run right after a failing item, errors ignored), only the
 * last one on_success then always (a failure there fails the job). Later tasks are skipped after a
 * failure. On timeout or cancel, the process tree is killed and on_cancel runs.
 */
final class TaskSequence {

  /** The status the scripts gave the job, and why when it is not a success. */
  record Outcome(RunStatus status, Optional<String> reason) {}

  /** How much of a failed step's output its hint reads: the end, where a client's error is. */
  private static final int HINT_BYTES = 16 * 1024;

  /** How long on_cancel may run once the job was stopped. */
  private static final Duration ON_CANCEL_LIMIT = Duration.ofMinutes(1);

  /** What every launch of one job shares. */
  private record Attempt(
      long runId,
      Job job,
      Workspace ws,
      JobLog log,
      RunToken token,
      Cancellation cancellation,
      Instant deadline,
      Duration limit,
      FailureHint hint) {}

  private final ProcessLauncher launcher;

  /** The scope of this home's run tokens (see {@link RunToken#forRun}). */
  private final String scope;

  TaskSequence(ProcessLauncher launcher, String scope) {
    this.scope = scope;
    this.launcher = launcher;
  }

  /** Which containment keeps the scripts' processes together (found at the first call). */
  String containment() {
    return launcher.containment().describe();
  }

  Outcome run(
      long runId,
      Job job,
      Workspace ws,
      Map<String, String> env,
      JobLog log,
      Cancellation cancellation,
      Instant deadline,
      Duration limit,
      FailureHint hint)
      throws IOException {
    JobHooks hooks = job.hooks();
    List<String> failureHooks = new ArrayList<>(items(hooks.onFailure()));
    failureHooks.addAll(items(hooks.always()));
    Attempt attempt =
        new Attempt(
            runId,
            job,
            ws,
            log,
            RunToken.forRun(scope, runId),
            cancellation,
            deadline,
            limit,
            hint);
    if (!hooks.onStart().script().isEmpty()) {
      TaskScript onStart =
          new TaskScript(items(hooks.onStart()), List.of(), failureHooks, List.of());
      Optional<Outcome> stopped = launch(attempt, "on_start", onStart, env);
      if (stopped.isPresent()) {
        return stopped.get();
      }
    }
    List<TaskStep> tasks = job.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      TaskStep task = tasks.get(i);
      boolean last = i == tasks.size() - 1;
      TaskScript script =
          last
              ? new TaskScript(
                  lines(task.script()),
                  items(hooks.onSuccess()),
                  items(hooks.onFailure()),
                  items(hooks.always()))
              : new TaskScript(lines(task.script()), List.of(), failureHooks, List.of());
      String name = task.name().orElse("Task " + i);
      if (task.runtime().container().orElse(false) || task.runtime().imageName().isPresent()) {
        log.runner(
            "TASK '" + name + "' asks for a container; shiprun runs TASKs on this host so far");
      }
      log.runner("TASK '" + name + "' started");
      Optional<Outcome> stopped =
          launch(attempt, "task_" + i, script, ProcessEnvironment.task(env, name, task));
      if (stopped.isPresent()) {
        return stopped.get();
      }
    }
    return new Outcome(RunStatus.SUCCESS, Optional.empty());
  }

  /** Runs one wrapper; an outcome when the job ends here, empty when it goes on. */
  private Optional<Outcome> launch(
      Attempt attempt, String file, TaskScript script, Map<String, String> env) throws IOException {
    JobLog log = attempt.log();
    Duration left = Duration.between(Instant.now(), attempt.deadline());
    if (left.isNegative() || left.isZero()) {
      log.runner("the job ran out of time (" + minutes(attempt.limit()) + ") before " + file);
      runOnCancel(attempt, env);
      return Optional.of(timedOut(attempt));
    }
    TaskScriptFile written = script.writeTo(attempt.ws().scripts(), file);
    long mark = log.length();
    LaunchResult result =
        launcher.run(
            new Launch(written.wrapper(), attempt.ws().root(), env, attempt.token(), left),
            log,
            attempt.cancellation());
    if (result instanceof LaunchResult.Exited exited) {
      report(log, "left running after the script ended", exited.leftovers());
      TaskOutcome outcome = written.outcome(exited.code());
      if (outcome instanceof TaskOutcome.Failed failed) {
        List<String> hints = hints(attempt, mark);
        log.runner(failed.message());
        hints.forEach(log::runner);
        return Optional.of(new Outcome(RunStatus.FAILURE, Optional.of(failed.message())));
      }
      return Optional.empty();
    }
    if (result instanceof LaunchResult.TimedOut timedOut) {
      log.runner(
          "timed out after " + minutes(attempt.limit()) + "; stopped every process of the job");
      report(log, "stopped", timedOut.killed());
      runOnCancel(attempt, env);
      return Optional.of(timedOut(attempt));
    }
    if (result instanceof LaunchResult.Cancelled cancelled) {
      log.runner("cancelled; stopped every process of the job");
      report(log, "stopped", cancelled.killed());
      runOnCancel(attempt, env);
      return Optional.of(
          new Outcome(RunStatus.CANCELLED, Optional.of("cancelled on request (Ctrl-C or TERM)")));
    }
    if (result instanceof LaunchResult.Errored errored) {
      log.runner(errored.reason());
      return Optional.of(new Outcome(RunStatus.ERROR, Optional.of(errored.reason())));
    }
    throw new AssertionError(result);
  }

  /** What the job's hint makes of the end of the failed step's output; none if unreadable. */
  private static List<String> hints(Attempt attempt, long mark) {
    try {
      return attempt.hint().lines(attempt.log().since(mark, HINT_BYTES));
    } catch (IOException e) {
      return List.of(); // only a hint: the failure itself is reported all the same
    }
  }

  private static Outcome timedOut(Attempt attempt) {
    return new Outcome(
        RunStatus.TIMEOUT, Optional.of("timed out after " + minutes(attempt.limit())));
  }

  /** on_cancel, once the job's processes are gone: its own token and a limit of its own. */
  private void runOnCancel(Attempt attempt, Map<String, String> env) throws IOException {
    List<String> items = items(attempt.job().hooks().onCancel());
    if (items.isEmpty()) {
      return;
    }
    JobLog log = attempt.log();
    log.runner("running on_cancel");
    TaskScriptFile written = TaskScript.of(items).writeTo(attempt.ws().scripts(), "on_cancel");
    LaunchResult result =
        launcher.run(
            new Launch(
                written.wrapper(),
                attempt.ws().root(),
                env,
                RunToken.forRun(scope, attempt.runId()),
                ON_CANCEL_LIMIT),
            log,
            new Cancellation());
    if (result instanceof LaunchResult.Exited exited
        && written.outcome(exited.code()) instanceof TaskOutcome.Failed failed) {
      log.runner("on_cancel: " + failed.message());
    } else if (!(result instanceof LaunchResult.Exited)) {
      log.runner("on_cancel did not finish: " + result.getClass().getSimpleName().toLowerCase());
    }
  }

  private static void report(JobLog log, String what, KillReport report) {
    for (SignalledProcess p : report.killed()) {
      log.runner(what + ": pid " + p.pid() + " (" + p.commandLine() + "), " + p.signal());
    }
    for (SignalledProcess p : report.survivors()) {
      log.runner("still running after KILL: pid " + p.pid() + " (" + p.commandLine() + ")");
    }
  }

  /** {@code 60 min}, or {@code 90 s} when not whole minutes. */
  static String minutes(Duration d) {
    long seconds = d.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  private static List<String> items(HookSection section) {
    return lines(section.script());
  }

  private static List<String> lines(List<ScriptLine> script) {
    return script.stream().map(ScriptLine::text).toList();
  }
}
