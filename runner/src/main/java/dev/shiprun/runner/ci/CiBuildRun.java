package dev.shiprun.runner.ci;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.Matrix;
import dev.shiprun.model.ci.MatrixJob;
import dev.shiprun.runner.ci.CiCredentials.CiAccess;
import dev.shiprun.runner.git.Git;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.JobBody;
import dev.shiprun.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A CI build (spec §2): the matrix of the repository's shippable.yml, each job in its own copy of
 * the ciRepo's commit ({@code <build folder>/ci/<i>/<repo>}), up to the node's {@code --parallel}
 * jobs at once; the build's status is the worst of the jobs that may not fail.
 */
final class CiBuildRun implements JobBody {

  private static final Duration GIT_LIMIT = Duration.ofMinutes(10);

  private final CiConfig config;
  private final CiSeams seams;

  CiBuildRun(CiConfig config, CiSeams seams) {
    this.config = config;
    this.seams = seams;
  }

  @Override
  public BodyOutcome run(JobContext context) {
    CiSource.Found found = CiSource.of(context.job().name(), context.dependencies());
    if (found.source().isEmpty()) {
      context.say(found.problem().orElseThrow());
      return new BodyOutcome(BodyOutcome.Ending.ERROR, found.problem(), Map.of());
    }
    CiSource source = found.source().get();
    String branch = source.branch();
    List<MatrixJob> jobs = Matrix.expand(config);
    if (jobs.isEmpty()) {
      String problem =
          "matrix.exclude removes every job of the matrix: nothing to build; exclude fewer"
              + " combinations";
      context.say(problem);
      return new BodyOutcome(
          BodyOutcome.Ending.ERROR, Optional.of(problem), Map.of("matrix", List.of()));
    }
    int parallel = Math.min(context.parallel(), jobs.size());
    context.say(
        "CI build "
            + context.buildNumber()
            + " of "
            + source.fullName()
            + source.commitSha().map(c -> " at " + c).orElse("")
            + (branch.isEmpty() ? "" : " (" + branch + ")")
            + ": "
            + jobs.size()
            + (jobs.size() == 1 ? " matrix job" : " matrix jobs")
            + (jobs.size() > 1 ? ", up to " + parallel + " at once" : ""));
    seams.notifications().started(context, config, branch);
    CiAccess access = seams.credentials().prepare(context, config, branch);
    BodyOutcome outcome;
    if (access.problem().isPresent()) {
      context.say(access.problem().get());
      outcome = new BodyOutcome(BodyOutcome.Ending.ERROR, access.problem(), Map.of());
    } else {
      outcome = matrix(context, source, jobs, access, parallel);
    }
    seams.notifications().ended(context, config, branch, outcome);
    return outcome;
  }

  private BodyOutcome matrix(
      JobContext context, CiSource source, List<MatrixJob> jobs, CiAccess access, int parallel) {
    CiVariables variables =
        new CiVariables(
            source,
            context.buildNumber(),
            context.runId(),
            context.environment().getOrDefault("BUILD_URL", ""),
            config.language(),
            node());
    MatrixJobRun runner =
        new MatrixJobRun(
            context,
            config,
            seams,
            access,
            variables,
            jobs.size() > 1,
            SilenceWatch.limit(context.nodeSetting(SilenceWatch.SETTING)),
            source.branch());
    CiCheckout checkout = new CiCheckout(new Git(GIT_LIMIT));
    List<Path> folders = new ArrayList<>();
    List<Optional<String>> problems = new ArrayList<>();
    Optional<Path> first = Optional.empty();
    for (MatrixJob job : jobs) {
      Path folder =
          context
              .buildFolder()
              .resolve("ci")
              .resolve(Integer.toString(job.number()))
              .resolve(source.repoName());
      Optional<String> problem = checkout.make(source, folder, first);
      if (problem.isEmpty() && first.isEmpty()) {
        first = Optional.of(folder);
      }
      folders.add(source.buildDir(folder));
      problems.add(problem);
    }
    List<CiReport.Job> ended = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<CiReport.Job>> futures = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        MatrixJob job = jobs.get(i);
        Path folder = folders.get(i);
        Optional<String> problem = problems.get(i);
        futures.add(pool.submit(() -> start(context, runner, job, folder, problem)));
      }
      for (Future<CiReport.Job> f : futures) {
        ended.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      return new BodyOutcome(
          BodyOutcome.Ending.CANCELLED, Optional.of("the build was interrupted"), Map.of());
    } catch (ExecutionException e) {
      throw new IllegalStateException("a matrix job failed to run", e.getCause());
    } finally {
      pool.shutdown();
    }
    BodyOutcome.Ending ending =
        MatrixStatus.build(
            ended.stream().map(j -> new MatrixStatus.Ended(j.status(), j.allowFailure())).toList(),
            context.cancel().isCancelled());
    if (ending == BodyOutcome.Ending.SUCCESS && first.isPresent()) {
      seams.cache().save(context, config, first.get(), source.branch());
    }
    return new BodyOutcome(ending, reason(ending, ended), CiReport.of(ended));
  }

  /** Starts a job unless the run was cancelled or its time is up. */
  private static CiReport.Job start(
      JobContext context,
      MatrixJobRun runner,
      MatrixJob job,
      Path folder,
      Optional<String> problem) {
    if (context.cancel().isCancelled()) {
      return runner.notStarted(job, MatrixStatus.SKIPPED, "not started: the build was cancelled");
    }
    if (MatrixJobRun.pastDeadline(context)) {
      return runner.notStarted(
          job, MatrixStatus.TIMEOUT, "not started: the build's time limit passed");
    }
    try {
      return runner.run(job, folder, problem);
    } catch (RuntimeException e) {
      // A fault of the runner's (a credentials file it cannot write): that job is an error, the
      // others go on.
      return runner.notStarted(job, MatrixStatus.ERROR, "could not run: " + e.getMessage());
    }
  }

  /** Which jobs made the build end as it did, e.g. {@code 7.2 failure, 7.4 timeout}. */
  private static Optional<String> reason(BodyOutcome.Ending ending, List<CiReport.Job> ended) {
    if (ending == BodyOutcome.Ending.SUCCESS) {
      return Optional.empty();
    }
    if (ending == BodyOutcome.Ending.CANCELLED) {
      return Optional.of("the build was cancelled");
    }
    List<String> bad =
        ended.stream()
            .filter(j -> !j.allowFailure())
            .filter(j -> j.status() != MatrixStatus.SUCCESS && j.status() != MatrixStatus.SKIPPED)
            .map(j -> j.number() + " " + j.status().word())
            .toList();
    return Optional.of("matrix " + (bad.size() == 1 ? "job " : "jobs ") + String.join(", ", bad));
  }

  /** This machine as a build's variables name it: {@code x86_64}, {@code debian_12}. */
  private static CiVariables.NodeFacts node() {
    String arch = System.getProperty("os.arch", "");
    arch = arch.equals("amd64") ? "x86_64" : arch;
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    try {
      String id = "";
      String version = "";
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("ID=")) {
          id = line.substring(3).replace("\"", "");
        } else if (line.startsWith("VERSION_ID=")) {
          version = line.substring(11).replace("\"", "");
        }
      }
      if (!id.isEmpty()) {
        os = version.isEmpty() ? id : id + "_" + version;
      }
    } catch (IOException e) {
      // no os-release: the JVM's name of the system stands
    }
    return new CiVariables.NodeFacts(arch, os);
  }
}
