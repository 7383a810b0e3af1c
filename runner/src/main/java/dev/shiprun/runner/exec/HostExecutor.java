package dev.shiprun.runner.exec;

import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.Script;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code host} executor: a TASK's script runs in bash on this machine, through the wrapper of
 * {@link TaskScript} and the {@link ProcessLauncher} (its containment, its process-tree kill).
 */
public final class HostExecutor implements Executor {

  /** The executor's name, as a node's settings choose it. */
  public static final String NAME = "host";

  private final ProcessLauncher launcher;

  public HostExecutor(ProcessLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Which containment keeps the scripts' processes together (found at the first call). */
  @Override
  public String description() {
    return launcher.containment().describe();
  }

  @Override
  public ExecutionOutcome run(Execution execution) {
    Duration left = Duration.between(Instant.now(), execution.deadline());
    if (left.isNegative() || left.isZero()) {
      return new ExecutionOutcome.TimedOut(List.of());
    }
    Script s = execution.script();
    TaskScriptFile written;
    try {
      written =
          new TaskScript(s.items(), s.onSuccess(), s.onFailure(), s.always())
              .writeTo(execution.scriptsFolder(), execution.name());
    } catch (IOException e) {
      return new ExecutionOutcome.Errored("cannot write the task scripts: " + e.getMessage());
    }
    LaunchResult result =
        launcher.run(
            new Launch(
                written.wrapper(),
                execution.workingFolder(),
                execution.environment(),
                new RunToken(execution.runMark()),
                left),
            new ScriptOutputSink(execution.output()),
            execution.cancel());
    if (result instanceof LaunchResult.Exited exited) {
      List<String> notes = notes("left running after the script ended", exited.leftovers());
      return written.outcome(exited.code()) instanceof TaskOutcome.Failed failed
          ? new ExecutionOutcome.Failed(failed.exitCode(), failed.message(), notes)
          : new ExecutionOutcome.Succeeded(notes);
    }
    if (result instanceof LaunchResult.TimedOut timedOut) {
      return new ExecutionOutcome.TimedOut(notes("stopped", timedOut.killed()));
    }
    if (result instanceof LaunchResult.Cancelled cancelled) {
      return new ExecutionOutcome.Cancelled(notes("stopped", cancelled.killed()));
    }
    return new ExecutionOutcome.Errored(((LaunchResult.Errored) result).reason());
  }

  /** One line per process that was signalled, and per one that would not die. */
  private static List<String> notes(String what, KillReport report) {
    List<String> out = new ArrayList<>();
    for (SignalledProcess p : report.killed()) {
      out.add(what + ": pid " + p.pid() + " (" + p.commandLine() + "), " + p.signal());
    }
    for (SignalledProcess p : report.survivors()) {
      out.add("still running after KILL: pid " + p.pid() + " (" + p.commandLine() + ")");
    }
    return out;
  }
}
