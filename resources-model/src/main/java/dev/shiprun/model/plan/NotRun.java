package dev.shiprun.model.plan;

import dev.shiprun.model.Job;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.UnsupportedJob;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ImpliedCi;
import java.util.List;
import java.util.Optional;

/**
 * Why shiprun does not run a job of a valid line, in the words {@code plan} and {@code run} show: a
 * runCI job (declared, or made by Shippable for a repository enabled for CI) or a job of a managed
 * type allowed with --allow-managed. The jobs that wait for it are not triggered by it.
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
          source + "; shiprun does not run runCI jobs yet (a later release will)" + waiting);
    }
    String type =
        job instanceof UnsupportedJob u && u.managed().isPresent()
            ? "'" + job.type() + "' is a managed Shippable job type"
            : "'" + job.type() + "' is a job type";
    return Optional.of(type + " that shiprun does not run (--allow-managed)" + waiting);
  }

  private static String waiting(AssemblyLine line, Job job) {
    List<String> names = line.triggeredBy(job).stream().map(Job::name).toList();
    return names.isEmpty()
        ? ""
        : ", so it does not trigger "
            + String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
