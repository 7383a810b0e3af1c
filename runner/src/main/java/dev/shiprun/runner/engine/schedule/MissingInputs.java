package dev.shiprun.runner.engine.schedule;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.spi.VersionSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The jobs a run of the whole line leaves out because an input has no version and nothing in this
 * run can give it one: a gitRepo whose repository could not be reached, a resource whose writer
 * cannot run either, or a job that reads such a job. Jobs left out for other reasons (an IN with
 * {@code switch: off}) are not reported: nothing is missing for them.
 */
final class MissingInputs {

  private final AssemblyLine line;
  private final Set<String> versioned;
  private final Map<String, String> repositoryProblems;
  private final ResourceTypes types;

  /**
   * {@code versioned}: the names with a version when the run starts; {@code repositoryProblems}:
   * per gitRepo whose look made no version, why; {@code types}: where versions come from.
   */
  MissingInputs(
      AssemblyLine line,
      Set<String> versioned,
      Map<String, String> repositoryProblems,
      ResourceTypes types) {
    this.line = line;
    this.versioned = versioned;
    this.repositoryProblems = repositoryProblems;
    this.types = types;
  }

  /** The jobs outside {@code candidates} that wait for a version, in topological order. */
  List<NotReady> of(List<Job> candidates) {
    Set<String> running = new HashSet<>();
    candidates.forEach(j -> running.add(j.name()));
    Set<String> notReady = new HashSet<>();
    List<NotReady> out = new ArrayList<>();
    for (Job job : line.topologicalOrder()) {
      if (running.contains(job.name())) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      for (InStep in : job.ins()) {
        Optional<Resource> resource = line.resource(in.name());
        if (resource.isEmpty()) {
          if (notReady.contains(in.name())) {
            reasons.add("IN job '" + in.name() + "' cannot run either");
          }
        } else if (!resource.get().isState() && !versioned.contains(in.name())) {
          reasons.add("IN '" + in.name() + "' has no version: " + why(resource.get(), notReady));
        }
      }
      if (!reasons.isEmpty()) {
        notReady.add(job.name());
        out.add(new NotReady(job.name(), String.join("; ", reasons)));
      }
    }
    return out;
  }

  private String why(Resource resource, Set<String> notReady) {
    String problem = repositoryProblems.get(resource.name());
    if (problem != null) {
      return problem;
    }
    Optional<VersionSource> source = types.of(resource).versionSource();
    if (source.isPresent()) {
      return source.get().what() + ", and none was found";
    }
    List<String> writers = new ArrayList<>();
    boolean writerWaits = false;
    for (Job j : line.jobs()) {
      for (OutStep out : j.outs()) {
        if (out.name().equals(resource.name())) {
          writers.add("'" + j.name() + "'");
          writerWaits |= notReady.contains(j.name());
        }
      }
    }
    if (writers.isEmpty()) {
      return "give it a seed or versionTemplate";
    }
    return "it gets one when job "
        + String.join(" or ", writers)
        + " writes it"
        + (writerWaits ? ", and " + String.join(", ", writers) + " cannot run either" : "");
  }
}
