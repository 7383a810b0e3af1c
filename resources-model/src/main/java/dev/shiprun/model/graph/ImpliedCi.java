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
 */
public final class ImpliedCi {

  public static final String JOB_SUFFIX = "_runCI";
  public static final String RESOURCE_SUFFIX = "_ciRepo";

  /**
   * A name the line uses or declares without defining it: {@code job} tells the runCI job from its
   * ciRepo, {@code repository} is the repository enabled for CI, {@code usedAt} where the line
   * first needs it.
   */
  public record Implied(String name, boolean job, String repository, SourceLocation usedAt) {

    /** Where the name comes from, for a note in {@code plan}: "the runCI job Shippable made …". */
    public String why() {
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
          if (!isDeclared(declared, ciRepo)) {
            resources.add(ciRepo(ciRepo, at));
            implied.put(ciRepo, new Implied(ciRepo, false, repository, at));
          }
          Optional<Job> job = declared.job(runCi);
          if (job.isEmpty() && declared.resource(runCi).isEmpty()) {
            jobs.add(new RunCiJob(header(runCi, at), List.of(in(ciRepo, at)), JobHooks.NONE));
            implied.put(runCi, new Implied(runCi, true, repository, at));
          } else if (job.isPresent() && job.get() instanceof RunCiJob declaredJob) {
            jobs.set(jobs.indexOf(declaredJob), readingItsCiRepo(declaredJob, ciRepo));
          }
        });
    return new Completed(
        new Pipeline(resources, jobs, declared.sources(), declared.ciSecureValues()), implied);
  }

  private static boolean isDeclared(Pipeline pipeline, String name) {
    return pipeline.resource(name).isPresent() || pipeline.job(name).isPresent();
  }

  /** A declared runCI job reads its ciRepo first, as the job Shippable made did. */
  private static Job readingItsCiRepo(RunCiJob job, String ciRepo) {
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
