package dev.shiprun.model.validate;

import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The job graph is acyclic: each cycle is reported once, naming its jobs in order. */
final class CycleRule implements ValidationRule {

  @Override
  public void check(AssemblyLine line, Diagnostics out) {
    for (List<Job> component : line.cycles()) {
      if (component.size() == 1 && !namesItself(component.get(0))) {
        // A job that reads and writes one (non-state) resource: InAndOutRule reports it, at
        // the OUT, with the fix. Saying "bump → bump" as well would be the same problem twice.
        continue;
      }
      List<Job> path = cycleThrough(line, component);
      Job first = component.get(0);
      out.error(
          DiagnosticCode.AL110,
          first.at(),
          "jobs form a cycle" + describe(path),
          "a job cannot depend on its own output; break the cycle by removing one IN or OUT, "
              + "or share data through a state resource");
    }
  }

  /** Longest cycle whose every job is named; a longer one shows its start and its end. */
  static final int NAMED_IN_FULL = 10;

  /** ": a → b → c → a", or for a long cycle ": of 20000 jobs: j0 → … → j19999 → j0". */
  private static String describe(List<Job> path) {
    List<String> names = new ArrayList<>();
    if (path.size() <= NAMED_IN_FULL) {
      path.forEach(j -> names.add(j.name()));
    } else {
      path.subList(0, 5).forEach(j -> names.add(j.name()));
      names.add("…");
      path.subList(path.size() - 3, path.size()).forEach(j -> names.add(j.name()));
    }
    names.add(path.get(0).name());
    String count = path.size() <= NAMED_IN_FULL ? "" : " of " + path.size() + " jobs";
    return count + ": " + String.join(" → ", names);
  }

  /** Whether the job lists itself as an IN or OUT, the other way a job can depend on itself. */
  private static boolean namesItself(Job job) {
    return job.ins().stream().anyMatch(in -> in.name().equals(job.name()))
        || job.outs().stream().anyMatch(o -> o.name().equals(job.name()));
  }

  /**
   * A shortest path from the component's first job back to itself, within the component. Linear in
   * the size of the component: a cycle through 20,000 jobs is found as fast as one through 3.
   */
  private static List<Job> cycleThrough(AssemblyLine line, List<Job> component) {
    Job start = component.get(0);
    Map<String, List<Job>> downstream = new HashMap<>();
    component.forEach(j -> downstream.put(j.name(), new ArrayList<>()));
    for (Job job : component) { // YAML order, so ties resolve as written
      for (Job upstream : line.upstreamOf(job)) {
        List<Job> next = downstream.get(upstream.name());
        if (next != null) {
          next.add(job);
        }
      }
    }
    Map<String, Job> cameFrom = new HashMap<>();
    Deque<Job> queue = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Job current = queue.poll();
      for (Job next : downstream.get(current.name())) {
        if (next.name().equals(start.name())) {
          Deque<Job> path = new ArrayDeque<>();
          for (Job j = current; j != null; j = cameFrom.get(j.name())) {
            path.addFirst(j);
          }
          return List.copyOf(path);
        }
        if (seen.add(next.name())) {
          cameFrom.put(next.name(), current);
          queue.add(next);
        }
      }
    }
    return component; // a job that depends on itself: "a → a"
  }
}
