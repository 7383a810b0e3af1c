package dev.shiprun.model.plan;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.UnsupportedJob;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ImpliedCi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why shiprun does not run a job of a valid line, in the words {@code plan} and {@code run} show: a
 * runCI job of another repository (declared, or made by Shippable for a repository enabled for CI)
 * or a job of a managed type allowed with --allow-managed. The jobs that wait for it are not
 * triggered by it.
 */
public final class NotRun {

  private NotRun() {}

  /** Why {@code job} is not run, or empty when shiprun runs it. */
  public static Optional<String> why(AssemblyLine line, Job job) {
    if (job.runByShiprun()) {
      return Optional.empty();
    }
    String waiting = waiting(line, job);
    if (job instanceof RunCiJob) {
      String source =
          line.implied(job.name())
              .map(implied -> "it is " + implied.why())
              .orElseGet(
                  () ->
                      "it runs the CI section of the shippable.yml of repository '"
                          + ImpliedCi.repositoryOf(job.name()).orElse(job.name())
                          + "'");
      return Optional.of(
          source
              + "; only a run of that repository's CI runs it: run shiprun in that repository,"
              + " or trigger it"
              + waiting);
    }
    String type =
        job instanceof UnsupportedJob u && u.managed().isPresent()
            ? "'" + job.type() + "' is a managed Shippable job type"
            : "'" + job.type() + "' is a job type";
    return Optional.of(type + " that shiprun does not run (--allow-managed)" + waiting);
  }

  /**
   * Why resource {@code r} gets no version from shiprun (a ciRepo: its versions are CI's webhook
   * events), or empty for any other resource.
   */
  public static Optional<String> noVersion(AssemblyLine line, Resource r) {
    if (!r.type().equals("ciRepo") || ImpliedCi.isOwnCiRepo(line.pipeline(), r.name())) {
      return Optional.empty();
    }
    String source =
        line.implied(r.name())
            .map(implied -> "it is " + implied.why())
            .orElse("it is the ciRepo resource of a repository enabled for CI");
    List<String> readers = new ArrayList<>();
    for (Job job : line.jobs()) {
      if (job.ins().stream().anyMatch(in -> in.name().equals(r.name()))) {
        readers.add(job.name());
      }
    }
    return Optional.of(
        source
            + "; only a run of that repository's CI makes its versions: run shiprun in that"
            + " repository, or trigger it"
            + names(readers, ", so it does not trigger "));
  }

  private static String waiting(AssemblyLine line, Job job) {
    return names(
        line.triggeredBy(job).stream().map(Job::name).toList(), ", so it does not trigger ");
  }

  private static String names(List<String> names, String prefix) {
    return names.isEmpty()
        ? ""
        : prefix + String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
