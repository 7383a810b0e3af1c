package dev.shiprun.runner.engine.schedule;

import dev.shiprun.model.Job;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.store.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each job taking part in one invocation stands — pending (not started: waiting for a trigger
 * or for upstream jobs), active (queued or running), finished with a status, or left out — and what
 * has triggered the pending ones so far. One instance per invocation, used by the run loop's thread
 * only.
 */
final class JobBoard {

  private final Set<String> pending = new HashSet<>();
  private final Set<String> active = new HashSet<>();
  private final Map<String, RunStatus> finished = new HashMap<>();
  private final Map<String, List<Trigger>> triggers = new HashMap<>();
  private final Set<String> announced = new HashSet<>();

  JobBoard(List<Job> candidates) {
    candidates.forEach(j -> pending.add(j.name()));
  }

  boolean isPending(String job) {
    return pending.contains(job);
  }

  /** Pending or active: it may still run, or is running, in this invocation. */
  boolean isUnsettled(String job) {
    return pending.contains(job) || active.contains(job);
  }

  /** How the job's run in this invocation ended, if it ran and finished. */
  Optional<RunStatus> finished(String job) {
    return Optional.ofNullable(finished.get(job));
  }

  boolean hasActive() {
    return !active.isEmpty();
  }

  /**
   * Records a trigger of a pending job, in the order they come (one per IN). A job already started
   * or left out ignores it: each job runs at most once per invocation.
   */
  void trigger(String job, Trigger trigger) {
    if (!pending.contains(job)) {
      return;
    }
    List<Trigger> list = triggers.computeIfAbsent(job, k -> new ArrayList<>());
    if (list.stream().noneMatch(t -> t.by().equals(trigger.by()))) {
      list.add(trigger);
    }
  }

  List<Trigger> triggers(String job) {
    return triggers.getOrDefault(job, List.of());
  }

  void start(String job) {
    pending.remove(job);
    active.add(job);
  }

  /** The job will not run in this invocation. */
  void leaveOut(String job) {
    pending.remove(job);
  }

  void finish(JobResult result) {
    active.remove(result.job());
    finished.put(result.job(), result.status());
  }

  /** True the first time only: the console says once that a job waits. */
  boolean firstWait(String job) {
    return announced.add(job);
  }
}
