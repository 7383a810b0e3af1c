package dev.shiprun.runner.cli.graph;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import java.util.List;

/**
 * A readable listing: each job in topological order with what it reads and writes, then what a new
 * version of each resource triggers.
 */
final class TextGraph {

  private TextGraph() {}

  static String render(AssemblyLine line) {
    StringBuilder out = new StringBuilder();
    out.append("jobs (in order):\n");
    for (Job job : line.topologicalOrder()) {
      out.append("  ")
          .append(job.name())
          .append(" (")
          .append(job.type())
          .append(implied(line, job.name()))
          .append(")\n");
      for (InStep in : job.ins()) {
        out.append("    IN  ").append(in.name()).append(' ').append(kind(line, in.name()));
        if (!in.switchOn()) {
          out.append(" [switch: off]");
        }
        out.append('\n');
      }
      for (OutStep o : job.outs()) {
        out.append("    OUT ")
            .append(o.name())
            .append(' ')
            .append(kind(line, o.name()))
            .append('\n');
      }
      List<Job> next = line.triggeredBy(job);
      if (!next.isEmpty()) {
        out.append("    triggers ").append(names(next)).append('\n');
      }
    }
    out.append("resources:\n");
    for (Resource r : line.resources()) {
      out.append("  ")
          .append(r.name())
          .append(" (")
          .append(r.type())
          .append(implied(line, r.name()))
          .append(')');
      List<Job> triggered = line.triggeredByResource(r.name());
      if (r.isState()) {
        out.append(" never triggers");
      } else if (!triggered.isEmpty()) {
        out.append(" triggers ").append(names(triggered));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Marks a runCI job or ciRepo the line uses without declaring it (Shippable made it). */
  private static String implied(AssemblyLine line, String name) {
    return line.implied(name)
        .map(i -> ", made by Shippable for repository '" + i.repository() + "'")
        .orElse("");
  }

  private static String kind(AssemblyLine line, String name) {
    return line.resource(name)
        .map(r -> "(" + r.type() + ")")
        .orElse(
            line.job(name).isEmpty() && line.external().contains(name)
                ? "(from another repository)"
                : "(job)");
  }

  private static String names(List<Job> jobs) {
    return String.join(", ", jobs.stream().map(Job::name).toList());
  }
}
