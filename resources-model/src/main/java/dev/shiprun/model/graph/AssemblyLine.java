package dev.shiprun.model.graph;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Pipeline;
import dev.shiprun.model.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The assembly line as an immutable graph of resources and jobs (spec §1.4): IN edges (resource →
 * job, job → job), OUT edges (job → resource, and {@code OUT: <job>}), the job order they imply,
 * and which jobs a new version triggers.
 *
 * <p>Job-to-job ordering follows every IN and OUT except those through state resources, which may
 * be IN and OUT of one job and never trigger. Triggering additionally skips {@code switch: off}
 * inputs.
 */
public final class AssemblyLine {

  private final Pipeline pipeline;
  private final Map<String, ImpliedCi.Implied> implied;
  private final List<Job> jobs;
  private final Map<String, Integer> jobIndex = new HashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  /** For each job index: the job indexes that must run before it (ordering edges). */
  private final List<IntSet> upstream = new ArrayList<>();

  /** For each job index: the job indexes its success triggers. */
  private final List<IntSet> triggers = new ArrayList<>();

  /** Resource name → jobs a new version of it triggers. */
  private final Map<String, IntSet> resourceTriggers = new HashMap<>();

  /** Resource (or job) name → the jobs that write it as an OUT. */
  private final Map<String, List<Integer>> producers = new HashMap<>();

  /** Names the line uses but another repository defines (see {@link ExternalNames}). */
  private final ExternalNames external;

  public AssemblyLine(Pipeline declared) {
    this(declared, ExternalNames.NONE);
  }

  /**
   * The line of {@code declared}, with the runCI jobs and ciRepo resources Shippable made for
   * repositories enabled for CI that it uses without declaring them ({@link ImpliedCi}), and the
   * names {@code external} says another repository defines.
   */
  public AssemblyLine(Pipeline declared, ExternalNames external) {
    ImpliedCi.Completed completed = ImpliedCi.complete(declared);
    Pipeline pipeline = completed.pipeline();
    this.pipeline = pipeline;
    this.implied = completed.implied();
    this.external = external;
    this.jobs = pipeline.jobs();
    for (int i = 0; i < jobs.size(); i++) {
      jobIndex.putIfAbsent(jobs.get(i).name(), i);
      upstream.add(new IntSet());
      triggers.add(new IntSet());
    }
    for (int i = 0; i < jobs.size(); i++) {
      for (OutStep out : jobs.get(i).outs()) {
        producers.computeIfAbsent(out.name(), k -> new ArrayList<>()).add(i);
      }
    }
    for (int j = 0; j < jobs.size(); j++) {
      Job job = jobs.get(j);
      for (InStep in : job.ins()) {
        Optional<Resource> resource = pipeline.resource(in.name());
        boolean state = resource.map(Resource::isState).orElse(false);
        boolean fires = in.switchOn() && !state;
        edges.add(new Edge(in.name(), job.name(), EdgeKind.IN, in.switchOn(), fires));
        Integer upstreamJob = jobIndex.get(in.name());
        if (upstreamJob != null && resource.isEmpty()) {
          link(upstreamJob, j, fires);
        } else if (!state) {
          for (int producer : producers.getOrDefault(in.name(), List.of())) {
            link(producer, j, fires);
          }
          if (fires) {
            resourceTriggers.computeIfAbsent(in.name(), k -> new IntSet()).add(j);
          }
        }
      }
      for (OutStep out : job.outs()) {
        Integer target = jobIndex.get(out.name());
        boolean toJob = target != null && pipeline.resource(out.name()).isEmpty();
        boolean state = pipeline.resource(out.name()).map(Resource::isState).orElse(false);
        edges.add(new Edge(job.name(), out.name(), EdgeKind.OUT, true, !state));
        if (toJob) {
          link(j, target, true);
        }
      }
    }
  }

  private void link(int from, int to, boolean fires) {
    if (from == to) {
      upstream.get(to).add(from); // a self-loop; reported as a cycle
      return;
    }
    upstream.get(to).add(from);
    if (fires) {
      triggers.get(from).add(to);
    }
  }

  /** The line's pipeline, implied names included. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Why the line has job or resource {@code name} without declaring it (an implied runCI job or
   * ciRepo), or empty for a declared or unknown name.
   */
  public Optional<ImpliedCi.Implied> implied(String name) {
    return Optional.ofNullable(implied.get(name));
  }

  /** Every implied name, in the order the line first uses them. */
  public List<ImpliedCi.Implied> implied() {
    return List.copyOf(implied.values());
  }

  public ExternalNames external() {
    return external;
  }

  public List<Job> jobs() {
    return jobs;
  }

  public List<Resource> resources() {
    return pipeline.resources();
  }

  public List<Edge> edges() {
    return Collections.unmodifiableList(edges);
  }

  public Optional<Job> job(String name) {
    return pipeline.job(name);
  }

  public Optional<Resource> resource(String name) {
    return pipeline.resource(name);
  }

  /** Whether some job of the line writes {@code name} as an OUT. */
  public boolean isProduced(String name) {
    return producers.containsKey(name);
  }

  /** Jobs that must finish before {@code job} starts (through IN jobs and produced resources). */
  public List<Job> upstreamOf(Job job) {
    int self = index(job);
    IntSet before = upstream.get(self);
    List<Job> out = new ArrayList<>(before.size());
    for (int k = 0; k < before.size(); k++) {
      int i = before.get(k);
      if (i != self) {
        out.add(jobs.get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Jobs that the success of {@code job} triggers directly. */
  public List<Job> triggeredBy(Job job) {
    return jobsAt(triggers.get(index(job)));
  }

  /** Jobs that a new version of resource {@code name} triggers directly. */
  public List<Job> triggeredByResource(String name) {
    IntSet triggered = resourceTriggers.get(name);
    return triggered == null ? List.of() : jobsAt(triggered);
  }

  // Plain loops: planning asks these once per job, and a stream each showed in the profile.
  private List<Job> jobsAt(IntSet indexes) {
    List<Job> out = new ArrayList<>(indexes.size());
    for (int k = 0; k < indexes.size(); k++) {
      out.add(jobs.get(indexes.get(k)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The jobs {@code start} sets off, transitively, {@code start} included, in topological order:
   * what runs after a manual run of the start jobs.
   */
  public List<Job> downstreamClosure(List<Job> start) {
    return downstreamClosure(start, job -> true);
  }

  /**
   * As {@link #downstreamClosure(List)}, following only the jobs {@code passesOn} accepts: a job it
   * refuses is in the closure but sets nothing off (a job that does not run triggers nothing).
   */
  public List<Job> downstreamClosure(List<Job> start, Predicate<Job> passesOn) {
    BitSet seen = new BitSet(jobs.size());
    Deque<Integer> work = new ArrayDeque<>();
    for (Job job : start) {
      int i = index(job);
      if (!seen.get(i)) {
        seen.set(i);
        work.add(i);
      }
    }
    while (!work.isEmpty()) {
      int from = work.poll();
      if (!passesOn.test(jobs.get(from))) {
        continue;
      }
      IntSet next = triggers.get(from);
      for (int k = 0; k < next.size(); k++) {
        int i = next.get(k);
        if (!seen.get(i)) {
          seen.set(i);
          work.add(i);
        }
      }
    }
    return topologicalOrder().stream().filter(j -> seen.get(index(j))).toList();
  }

  /**
   * All jobs, each after the jobs it depends on, ties in YAML order. Jobs on a cycle come last, in
   * YAML order (a valid line has none).
   */
  public List<Job> topologicalOrder() {
    int n = jobs.size();
    int[] pending = new int[n];
    // Downstream edges as one array: those of job i at [first[i], first[i + 1]) of targets, in
    // the order of a list per job (no list and no boxed index per edge).
    int[] first = new int[n + 1];
    for (int to = 0; to < n; to++) {
      IntSet before = upstream.get(to);
      for (int k = 0; k < before.size(); k++) {
        int from = before.get(k);
        if (from != to) {
          pending[to]++;
          first[from + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      first[i + 1] += first[i];
    }
    int[] targets = new int[first[n]];
    int[] fill = Arrays.copyOf(first, n);
    for (int to = 0; to < n; to++) {
      IntSet before = upstream.get(to);
      for (int k = 0; k < before.size(); k++) {
        int from = before.get(k);
        if (from != to) {
          targets[fill[from]++] = to;
        }
      }
    }
    java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Job> order = new ArrayList<>(n);
    BitSet placed = new BitSet(n);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order.add(jobs.get(i));
      placed.set(i);
      for (int e = first[i]; e < first[i + 1]; e++) {
        int next = targets[e];
        if (--pending[next] == 0) {
          ready.add(next);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!placed.get(i)) {
        order.add(jobs.get(i));
      }
    }
    return order;
  }

  /**
   * Every cycle of jobs (strongly connected components of two or more jobs, or a job that depends
   * on itself), each as the list of its jobs in YAML order.
   */
  public List<List<Job>> cycles() {
    return new Cycles(jobs.size(), upstream)
        .find().stream().map(c -> c.stream().map(jobs::get).toList()).toList();
  }

  private int index(Job job) {
    Integer i = jobIndex.get(job.name());
    if (i == null) {
      throw new IllegalArgumentException("job '" + job.name() + "' is not part of this line");
    }
    return i;
  }
}
