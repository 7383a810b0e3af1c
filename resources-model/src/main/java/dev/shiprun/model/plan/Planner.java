package dev.shiprun.model.plan;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.Step;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.Matrix;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.env.BuildInfo;
import dev.shiprun.model.env.JobEnvPlanner;
import dev.shiprun.model.env.ResourceVersion;
import dev.shiprun.model.env.TypeVariables;
import dev.shiprun.model.env.VersionLookup;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.graph.ExternalNames;
import dev.shiprun.model.validate.ValidPipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which jobs a run executes and in which waves, and what each would see (spec §1.4).
 *
 * <p>Without named jobs the line runs from its roots: every job whose inputs all have a version
 * before anything runs (resources that no job produces, or whose YAML seeds them; no IN jobs), then
 * everything their new versions trigger. With named jobs: those, then what they trigger unless
 * {@code downstream} is false. Stateless.
 */
public final class Planner {

  /** Where plan shows paths that only a real run fixes. */
  public static final String PLACEHOLDER_ROOT = "{JOB_PATH}";

  private final JobEnvPlanner envPlanner;

  /** A planner that shows the model's variables only. */
  public Planner() {
    this(TypeVariables.NONE);
  }

  /** A planner whose jobs' variables include what {@code types} gives each IN and OUT. */
  public Planner(TypeVariables types) {
    this.envPlanner = new JobEnvPlanner(types);
  }

  public Plan plan(ValidPipeline valid, PlanRequest request) {
    AssemblyLine line = valid.line();
    Selection selection = select(line, request);
    List<Job> selected = selection.jobs();
    Set<String> startNames = selection.startNames();
    Diagnostics out = new Diagnostics();
    checkIntegrations(line, selected, request, out);
    VersionLookup seeds =
        name ->
            line.resource(name)
                .flatMap(r -> r.definition().seedVersionName().map(ResourceVersion::seeded));
    JobEnvPlanner.Session envs =
        envPlanner.session(line, seeds, request.integrations(), request.secure());
    Map<String, Integer> waves = new HashMap<>();
    List<PlannedJob> planned = new ArrayList<>();
    Set<String> names = new HashSet<>();
    selected.forEach(j -> names.add(j.name()));
    for (Job job : selected) {
      int wave = 1;
      for (Job up : line.upstreamOf(job)) {
        if (names.contains(up.name())) {
          wave = Math.max(wave, waves.get(up.name()) + 1);
        }
      }
      waves.put(job.name(), wave);
      BuildInfo build =
          new BuildInfo(
              PLACEHOLDER_ROOT, "{BUILD_ID}", "{BUILD_NUMBER}", triggeredBy(job, startNames));
      List<String> external = line.external().usedBy(job);
      List<String> notes = new ArrayList<>();
      if (!external.isEmpty()) {
        notes.add("not run here: " + ExternalNames.needsOtherRepository(external));
      }
      if (job instanceof RunCiJob runCi && runCi.ci().isPresent()) {
        notes.add(builds(runCi.ci().get()));
      }
      planned.add(
          new PlannedJob(
              job, wave, names(job.ins()), names(job.outs()), envs.plan(job, build), notes));
    }
    planned.sort(Comparator.comparingInt(PlannedJob::wave)); // stable: topological within a wave
    List<String> notes = notes(line);
    notes.addAll(leftOutForOtherRepositories(line, names, request));
    return new Plan(planned, out.sorted(), notes);
  }

  /** What a runCI job builds: "builds 6 matrix jobs (node_js 18, 20)". */
  private static String builds(CiConfig ci) {
    int jobs = Matrix.expand(ci).size();
    return "builds "
        + jobs
        + (jobs == 1 ? " matrix job" : " matrix jobs")
        + " ("
        + ci.language()
        + (ci.versions().isEmpty() ? "" : " " + String.join(", ", ci.versions()))
        + ")";
  }

  /**
   * One note per job of the line that shiprun does not run, and per ciRepo resource (CI makes its
   * versions), saying why and what waits for it.
   */
  private static List<String> notes(AssemblyLine line) {
    List<String> notes = new ArrayList<>();
    for (Job job : line.jobs()) {
      NotRun.why(line, job).ifPresent(why -> notes.add("'" + job.name() + "' is not run: " + why));
    }
    for (Resource r : line.resources()) {
      NotRun.noVersion(line, r)
          .ifPresent(why -> notes.add("'" + r.name() + "' has no version: " + why));
    }
    return notes;
  }

  /**
   * A line planned from its roots leaves out the jobs that read another repository's names (they
   * are never roots here); the plan says which, so a missing job is not a mystery.
   */
  private static List<String> leftOutForOtherRepositories(
      AssemblyLine line, Set<String> planned, PlanRequest request) {
    List<String> notes = new ArrayList<>();
    if (!request.jobs().isEmpty() || line.external().isEmpty()) {
      return notes;
    }
    for (Job job : line.jobs()) {
      List<String> external = line.external().usedBy(job);
      if (!external.isEmpty() && !planned.contains(job.name())) {
        notes.add(
            "job '"
                + job.name()
                + "' is not planned: it "
                + ExternalNames.needsOtherRepository(external));
      }
    }
    return notes;
  }

  /** The names of IN or OUT steps, by a loop: once per job, and a stream each showed. */
  private static List<String> names(List<? extends Step> steps) {
    String[] names = new String[steps.size()];
    for (int i = 0; i < names.length; i++) {
      Step step = steps.get(i);
      names[i] = step instanceof InStep in ? in.name() : ((OutStep) step).name();
    }
    return List.of(names);
  }

  /**
   * The integrations the jobs a request selects use but the request does not give: what {@code
   * plan} reports, without making every job's environment ({@code run} checks this before it starts
   * anything).
   */
  public List<Diagnostic> missingIntegrations(ValidPipeline valid, PlanRequest request) {
    Diagnostics out = new Diagnostics();
    checkIntegrations(valid.line(), select(valid.line(), request).jobs(), request, out);
    return out.sorted();
  }

  /** The jobs a request selects, in topological order, and the ones it starts from. */
  private record Selection(List<Job> jobs, Set<String> startNames) {}

  private static Selection select(AssemblyLine line, PlanRequest request) {
    List<Job> start = new ArrayList<>();
    if (request.jobs().isEmpty()) {
      line.jobs().stream().filter(j -> isRoot(line, j)).forEach(start::add);
    } else {
      request
          .jobs()
          .forEach(
              name ->
                  start.add(
                      line.job(name)
                          .orElseThrow(
                              () -> new IllegalArgumentException("no job named '" + name + "'"))));
    }
    Set<String> startNames = new HashSet<>();
    start.forEach(j -> startNames.add(j.name()));
    List<Job> selected =
        request.downstream() || request.jobs().isEmpty()
            ? line.downstreamClosure(start, Job::runByShiprun)
            : line.topologicalOrder().stream().filter(j -> startNames.contains(j.name())).toList();
    return new Selection(selected, startNames);
  }

  private static String triggeredBy(Job job, Set<String> startNames) {
    return startNames.contains(job.name()) ? "manual" : "{upstream}";
  }

  /** A job runs at the start when it reads no job and every resource it reads has a version. */
  private static boolean isRoot(AssemblyLine line, Job job) {
    for (InStep in : job.ins()) {
      Optional<Resource> resource = line.resource(in.name());
      if (resource.isEmpty() || !hasVersionBeforeAnyRun(line, resource.get())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasVersionBeforeAnyRun(AssemblyLine line, Resource r) {
    return r.accept(new VersionBeforeAnyRun(line));
  }

  /** Every integration the selected jobs use must be known; none is guessed. */
  private static void checkIntegrations(
      AssemblyLine line, List<Job> jobs, PlanRequest request, Diagnostics out) {
    Set<String> reported = new HashSet<>();
    for (Job job : jobs) {
      // Resources first: their integration: key is where a user looks for the name.
      List<Named> used = new ArrayList<>();
      for (InStep in : job.ins()) {
        line.resource(in.name()).flatMap(Resource::integration).ifPresent(used::add);
      }
      for (OutStep o : job.outs()) {
        line.resource(o.name()).flatMap(Resource::integration).ifPresent(used::add);
      }
      used.addAll(job.header().integrations());
      for (Named ref : used) {
        if (request.integrations().containsKey(ref.name()) || !reported.add(ref.name())) {
          continue;
        }
        out.error(
            DiagnosticCode.AL120,
            ref.at(),
            "integration '" + ref.name() + "' is not defined; job '" + job.name() + "' needs it",
            Suggestions.closest(ref.name(), request.integrations().keySet())
                .map(s -> "did you mean '" + s + "'?")
                .orElse(
                    "store it with 'shiprun integration add', or add it to the file given"
                        + " with --integrations"));
      }
    }
  }
}
