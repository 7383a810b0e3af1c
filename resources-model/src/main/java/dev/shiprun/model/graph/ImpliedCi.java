package dev.shiprun.model.graph;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.GenericResource;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHeader;
import dev.shiprun.model.JobHooks;
import dev.shiprun.model.JobRuntime;
import dev.shiprun.model.Named;
import dev.shiprun.model.Pipeline;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.ResourceHeader;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.Step;
import dev.shiprun.model.TriggerMode;
import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The names Shippable made for a repository enabled for CI (spec §2.1): a runCI job {@code
 * <repo>_runCI} reading a ciRepo resource {@code <repo>_ciRepo}. Jobs use them as INs without
 * declaring them, and a declared {@code <repo>_runCI} (type runCI) reads its ciRepo without saying
 * so. Both names exist as soon as either is read or the runCI job is declared; this class adds the
 * undeclared ones to the line, and the implied IN to a declared runCI job.
 *
 * <p>The line's own repository (its root shippable.yml has CI keys, {@link Pipeline#ci()}) has both
 * names even when no job uses them, and its runCI job carries the CI config it builds; the runCI
 * jobs of other repositories carry none: they wait for that repository's CI.
 */
public final class ImpliedCi {

  public static final String JOB_SUFFIX = "_runCI";
  public static final String RESOURCE_SUFFIX = "_ciRepo";

  /**
   * A name the line uses or declares without defining it: {@code job} tells the runCI job from its
   * ciRepo, {@code repository} is the repository enabled for CI, {@code usedAt} where the line
   * first needs it, {@code ciFile} the shippable.yml whose CI it builds when that repository is the
   * line's own.
   */
  public record Implied(
      String name, boolean job, String repository, SourceLocation usedAt, Optional<String> ciFile) {

    public Implied(String name, boolean job, String repository, SourceLocation usedAt) {
      this(name, job, repository, usedAt, Optional.empty());
    }

    /** Where the name comes from, for a note in {@code plan}: "the runCI job Shippable made …". */
    public String why() {
      if (ciFile.isPresent()) {
        return job
            ? "the runCI job of this repository ('"
                + repository
                + "'), reading the ciRepo '"
                + repository
                + RESOURCE_SUFFIX
                + "'; it builds the CI section of "
                + ciFile.get()
            : "the ciRepo resource of this repository ('"
                + repository
                + "'): its versions are the repository's commits, read by the runCI job '"
                + repository
                + JOB_SUFFIX
                + "'";
      }
      String made = "Shippable made when repository '" + repository + "' was enabled for CI";
      return job
          ? "the runCI job "
              + made
              + ", reading the ciRepo '"
              + repository
              + RESOURCE_SUFFIX
              + "'; it runs the CI section of that repository's shippable.yml"
          : "the ciRepo resource "
              + made
              + ", read by the runCI job '"
              + repository
              + JOB_SUFFIX
              + "'";
    }
  }

  /** The line with the implied names added, and those names. */
  record Completed(Pipeline pipeline, Map<String, Implied> implied) {}

  private ImpliedCi() {}

  /**
   * Whether {@code name} is the ciRepo of the line's own repository: shiprun makes its versions
   * from the repository's git.
   */
  public static boolean isOwnCiRepo(Pipeline pipeline, String name) {
    return pipeline.ci().map(ci -> name.equals(ci.repository() + RESOURCE_SUFFIX)).orElse(false);
  }

  /** The repository enabled for CI that {@code name} stands for, when it is such a name. */
  public static Optional<String> repositoryOf(String name) {
    for (String suffix : List.of(JOB_SUFFIX, RESOURCE_SUFFIX)) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return Optional.of(name.substring(0, name.length() - suffix.length()));
      }
    }
    return Optional.empty();
  }

  static Completed complete(Pipeline declared) {
    Map<String, SourceLocation> repositories = new LinkedHashMap<>();
    Optional<RepositoryCi> own = declared.ci();
    own.ifPresent(ci -> repositories.put(ci.repository(), ci.at()));
    for (Job job : declared.jobs()) {
      if (job instanceof RunCiJob && job.name().endsWith(JOB_SUFFIX)) {
        repositoryOf(job.name()).ifPresent(r -> repositories.putIfAbsent(r, job.at()));
      }
      for (InStep in : job.ins()) {
        if (!isDeclared(declared, in.name())) {
          repositoryOf(in.name()).ifPresent(r -> repositories.putIfAbsent(r, in.target().at()));
        }
      }
    }
    if (repositories.isEmpty()) {
      return new Completed(declared, Map.of());
    }
    List<Resource> resources = new ArrayList<>(declared.resources());
    List<Job> jobs = new ArrayList<>(declared.jobs());
    Map<String, Implied> implied = new LinkedHashMap<>();
    repositories.forEach(
        (repository, at) -> {
          String ciRepo = repository + RESOURCE_SUFFIX;
          String runCi = repository + JOB_SUFFIX;
          Optional<RepositoryCi> ci = own.filter(c -> c.repository().equals(repository));
          Optional<String> ciFile = ci.map(RepositoryCi::file);
          if (!isDeclared(declared, ciRepo)) {
            resources.add(ciRepo(ciRepo, at));
            implied.put(ciRepo, new Implied(ciRepo, false, repository, at, ciFile));
          }
          Optional<Job> job = declared.job(runCi);
          if (job.isEmpty() && declared.resource(runCi).isEmpty()) {
            jobs.add(
                new RunCiJob(
                    header(runCi, at),
                    List.of(in(ciRepo, at)),
                    JobHooks.NONE,
                    ci.map(RepositoryCi::config)));
            implied.put(runCi, new Implied(runCi, true, repository, at, ciFile));
          } else if (job.isPresent() && job.get() instanceof RunCiJob declaredJob) {
            RunCiJob reading = readingItsCiRepo(declaredJob, ciRepo);
            jobs.set(
                jobs.indexOf(declaredJob),
                ci.isEmpty()
                    ? reading
                    : new RunCiJob(
                        reading.header(),
                        reading.steps(),
                        reading.hooks(),
                        ci.map(RepositoryCi::config)));
          }
        });
    return new Completed(
        new Pipeline(resources, jobs, declared.sources(), declared.ciSecureValues(), own), implied);
  }

  private static boolean isDeclared(Pipeline pipeline, String name) {
    return pipeline.resource(name).isPresent() || pipeline.job(name).isPresent();
  }

  /** A declared runCI job reads its ciRepo first, as the job Shippable made did. */
  private static RunCiJob readingItsCiRepo(RunCiJob job, String ciRepo) {
    if (job.ins().stream().anyMatch(in -> in.name().equals(ciRepo))) {
      return job;
    }
    List<Step> steps = new ArrayList<>();
    steps.add(in(ciRepo, job.at()));
    steps.addAll(job.steps());
    return new RunCiJob(job.header(), steps, job.hooks(), job.ci());
  }

  private static Resource ciRepo(String name, SourceLocation at) {
    return new GenericResource(
        new ResourceHeader(
            name, "ciRepo", Optional.empty(), ResourceDefinition.NONE, List.of(), at));
  }

  private static JobHeader header(String name, SourceLocation at) {
    return new JobHeader(
        name,
        "runCI",
        TriggerMode.SERIAL,
        DependencyMode.CHRONO,
        JobHeader.DEFAULT_PRIORITY,
        false,
        JobRuntime.DEFAULT,
        List.of(),
        List.of(),
        at);
  }

  private static InStep in(String name, SourceLocation at) {
    return new InStep(
        new Named(name, at),
        true,
        Optional.empty(),
        OptionalLong.empty(),
        false,
        false,
        List.of(),
        Optional.empty(),
        new YamlMapping(List.of(), at),
        at);
  }
}
