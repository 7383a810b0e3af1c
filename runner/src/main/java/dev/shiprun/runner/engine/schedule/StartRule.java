package dev.shiprun.runner.engine.schedule;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.Job;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.runner.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a pending job starts now, waits, or is left out of the invocation: dependencyMode (spec
 * §1.4) applied to a local run, where "processing" means queued or running in this invocation.
 *
 * <ul>
 *   <li>{@code chrono}: starts when no job upstream of it in this run is pending, queued or
 *       running, and none of them ended other than in success — unless the user asked for the job
 *       (a manual run is never held back by a failure);
 *   <li>{@code strict}: starts when every job upstream of it in this run is in a final state,
 *       whatever that state (it waits until then);
 *   <li>{@code immediate}: starts at once.
 * </ul>
 *
 * A job that reads a name another repository defines ({@link ExternalNames}) is left out: what it
 * reads is not here.
 *
 * <p>Each trigger carries its own mode (an IN's {@code dependencyMode} overrides the job's); the
 * job starts under the first of its triggers that allows it.
 */
final class StartRule {

  /** What to do with a pending job now. */
  sealed interface Decision permits Start, Wait, LeaveOut {}

  /** Start it, as triggered by {@code trigger}. */
  record Start(Trigger trigger) implements Decision {}

  /** Not yet; {@code why} when it was triggered (the console says so once). */
  record Wait(Optional<String> why) implements Decision {}

  /**
   * It does not run in this invocation: nothing triggered it, or (then {@code why}) a failure
   * upstream holds back its chrono triggers.
   */
  record LeaveOut(Optional<String> why) implements Decision {}

  private final AssemblyLine line;

  StartRule(AssemblyLine line) {
    this.line = line;
  }

  Decision decide(Job job, JobBoard board) {
    List<String> external = line.external().usedBy(job);
    if (!external.isEmpty()) {
      return new LeaveOut(Optional.of(ExternalNames.needsOtherRepository(external)));
    }
    List<String> unsettled = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Job up : line.upstreamOf(job)) {
      if (board.isUnsettled(up.name())) {
        unsettled.add(up.name());
      } else {
        Optional<RunStatus> status = board.finished(up.name());
        if (status.isPresent() && status.get() != RunStatus.SUCCESS) {
          failed.add(up.name() + " (" + status.get().wire() + ")");
        }
      }
    }
    List<Trigger> triggers = board.triggers(job.name());
    for (Trigger t : triggers) {
      boolean starts =
          switch (t.mode()) {
            case IMMEDIATE -> true;
            case STRICT -> unsettled.isEmpty();
            case CHRONO -> unsettled.isEmpty() && (t.manual() || failed.isEmpty());
          };
      if (starts) {
        return new Start(t);
      }
    }
    // Only an upstream job's end can trigger or release this job: none left, nothing will.
    if (!unsettled.isEmpty()) {
      return new Wait(
          triggers.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "dependencyMode "
                      + triggers.get(0).mode().yaml()
                      + ", until "
                      + String.join(", ", unsettled)
                      + " in this run "
                      + (unsettled.size() == 1 ? "has" : "have")
                      + " finished"));
    }
    return new LeaveOut(
        triggers.isEmpty()
            ? Optional.empty()
            : Optional.of(
                "triggered by "
                    + triggers.get(0).by()
                    + " but upstream "
                    + String.join(", ", failed)
                    + " did not succeed in this run (dependencyMode "
                    + DependencyMode.CHRONO.yaml()
                    + "; with dependencyMode strict or immediate on the job or that IN it"
                    + " would run)"));
  }
}
