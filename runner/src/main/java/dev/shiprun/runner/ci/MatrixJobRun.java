package dev.shiprun.runner.ci;

import dev.shiprun.model.ShellWords;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.ci.EnvItem;
import dev.shiprun.model.ci.MatrixJob;
import dev.shiprun.runner.ci.CiCredentials.CiAccess;
import dev.shiprun.runner.ci.report.BuildReport;
import dev.shiprun.runner.ci.report.BuildReportReader;
import dev.shiprun.runner.container.ContainerName;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Execution;
import dev.shiprun.spi.ExecutionOutcome;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.Script;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one matrix job of a CI build in its own copy of the source: {@code pre_ci} on the host, the
 * container's script, {@code push} on the host, then reads its test and coverage reports. Each
 * script is stopped after {@link SilenceWatch#LIMIT} without output (a timeout), at the run's
 * deadline, or when the run is cancelled.
 */
final class MatrixJobRun {

  private final JobContext context;
  private final CiConfig config;
  private final CiSeams seams;
  private final CiAccess access;
  private final CiVariables variables;
  private final boolean prefixed;
  private final Duration silence;
  private final String branch;

  MatrixJobRun(
      JobContext context,
      CiConfig config,
      CiSeams seams,
      CiAccess access,
      CiVariables variables,
      boolean prefixed,
      Duration silence,
      String branch) {
    this.context = context;
    this.config = config;
    this.seams = seams;
    this.access = access;
    this.variables = variables;
    this.prefixed = prefixed;
    this.silence = silence;
    this.branch = branch;
  }

  /** What ended a job: its status and, when it did not succeed, one line saying why. */
  private record Step(MatrixStatus status, Optional<String> reason) {
    static final Step DONE = new Step(MatrixStatus.SUCCESS, Optional.empty());
  }

  /** A job that did not start; its report entry. */
  CiReport.Job notStarted(MatrixJob job, MatrixStatus status, String why) {
    say(job, why);
    return new CiReport.Job(
        number(job),
        status,
        job.allowFailure(),
        env(job),
        job.version(),
        Optional.empty(),
        Duration.ZERO,
        Optional.empty(),
        Optional.of(why));
  }

  /**
   * Runs {@code job} in {@code checkout}.
   *
   * @param checkoutProblem why its copy of the source could not be made: the job is an error
   */
  CiReport.Job run(MatrixJob job, Path checkout, Optional<String> checkoutProblem) {
    long started = System.nanoTime();
    Optional<CiImage> image = Optional.empty();
    Step ended;
    if (checkoutProblem.isPresent()) {
      ended = new Step(MatrixStatus.ERROR, checkoutProblem);
    } else {
      CiImage.Chosen chosen = CiImage.choose(config, job, context::nodeSetting);
      image = chosen.image();
      ended =
          image.isEmpty()
              ? new Step(MatrixStatus.ERROR, chosen.problem())
              : sections(job, checkout, image.get());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Optional<BuildReport> report = Optional.empty();
    if (checkoutProblem.isEmpty()) {
      BuildReport read = new BuildReportReader().read(checkout);
      say(job, read.summary());
      read.warnings().forEach(w -> say(job, "warning: " + w));
      report = Optional.of(read);
    }
    say(
        job,
        ended.status().word()
            + ended.reason().map(r -> ": " + r).orElse("")
            + (job.allowFailure() && ended.status() != MatrixStatus.SUCCESS
                ? " (allowed to fail)"
                : ""));
    return new CiReport.Job(
        number(job),
        ended.status(),
        job.allowFailure(),
        env(job),
        job.version(),
        image.map(CiImage::reference),
        took,
        report,
        ended.reason());
  }

  private Step sections(MatrixJob job, Path checkout, CiImage image) {
    seams.cache().restore(context, config, checkout, branch);
    int i = job.number();
    String containerName = ContainerName.of(mark(job), "ci");
    Map<String, String> env = new LinkedHashMap<>(context.environment());
    env.putAll(variables.of(job, checkout, containerName));
    env.putAll(access.variables());
    env.putAll(userVariables(job));
    env.putAll(context.registryVariables());
    ContainerRequest request =
        context
            .container(
                Optional.of(image.name()),
                image.tag(),
                image.pull(),
                image.options(),
                access.mounts())
            .named(containerName);
    List<String> prelude = new ArrayList<>();
    if (!request.readOnlyMounts().isEmpty()) {
      prelude.add("export PATH=\"" + request.readOnlyMounts().get(0) + ":$PATH\"");
    }
    prelude.addAll(access.containerLines());
    prelude.addAll(seams.services().scriptLines(context, config));
    SectionPlan plan = SectionPlan.of(config.build(), config.language(), prelude);

    if (!plan.preCi().isEmpty()) {
      say(job, "pre_ci on the host");
      Step preCi =
          run(job, "pre_ci_" + i, Script.of(plan.preCi()), env, checkout, Optional.empty());
      if (preCi.status() != MatrixStatus.SUCCESS) {
        return preCi;
      }
    }
    say(job, "ci in a container of " + image.reference() + " named " + containerName);
    Step ci =
        run(
            job,
            "ci_" + i,
            plan.container(),
            containerVariables(job, env),
            checkout,
            Optional.of(request));
    if (ci.status() != MatrixStatus.SUCCESS || plan.push().isEmpty()) {
      return ci;
    }
    say(job, "push on the host");
    return run(job, "push_" + i, Script.of(plan.push()), env, checkout, Optional.empty());
  }

  /** Runs one script; a section that did not succeed says why. */
  private Step run(
      MatrixJob job,
      String name,
      Script script,
      Map<String, String> env,
      Path checkout,
      Optional<ContainerRequest> container) {
    SilenceWatch watch = new SilenceWatch(context.cancel(), silence, System::nanoTime);
    Executor executor = container.isPresent() ? context.containerExecutor() : context.host();
    ExecutionOutcome outcome =
        executor.run(
            new Execution(
                name,
                script,
                env,
                checkout,
                context.scriptsFolder(),
                watch.watching(context.output(prefixed ? "[" + number(job) + "] " : "")),
                context.deadline(),
                watch,
                mark(job),
                container));
    outcome.notes().forEach(note -> say(job, note));
    MatrixStatus status = MatrixStatus.of(outcome, watch.wasSilent());
    String section = name.substring(0, name.lastIndexOf('_'));
    Optional<String> reason =
        switch (status) {
          case SUCCESS, SKIPPED -> Optional.empty();
          case FAILURE ->
              Optional.of(section + ": " + ((ExecutionOutcome.Failed) outcome).message());
          case ERROR -> Optional.of(section + ": " + ((ExecutionOutcome.Errored) outcome).reason());
          case TIMEOUT ->
              Optional.of(
                  section
                      + (watch.wasSilent()
                          ? ": no output for " + words(silence) + ", stopped"
                          : ": the build's time limit passed at " + context.deadline()));
          case CANCELLED -> Optional.of(section + ": cancelled");
        };
    return status == MatrixStatus.SUCCESS ? Step.DONE : new Step(status, reason);
  }

  /**
   * The container's variables: the job's without the host's PATH and HOME (the image's apply; the
   * script puts shipctl's folder first on PATH), and {@code pre_ci_boot.env}.
   */
  private Map<String, String> containerVariables(MatrixJob job, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>(env);
    out.remove("PATH");
    out.remove("HOME");
    Optional<String> boot = config.build().preCiBoot().env();
    if (boot.isPresent()) {
      if (ShellWords.split(boot.get()) instanceof ShellWords.Words words) {
        for (String word : words.words()) {
          int eq = word.indexOf('=');
          if (eq > 0) {
            out.put(word.substring(0, eq), word.substring(eq + 1));
          } else {
            say(job, "build.pre_ci_boot.env has '" + word + "', which is not NAME=value: ignored");
          }
        }
      } else {
        say(job, "build.pre_ci_boot.env leaves a quote open: ignored");
      }
    }
    return out;
  }

  /**
   * {@code env.global} then the job's matrix entry; a secure value that cannot be opened says so.
   */
  private Map<String, String> userVariables(MatrixJob job) {
    Map<String, String> out = new LinkedHashMap<>();
    for (EnvItem item : job.env()) {
      if (item instanceof EnvItem.Variable v) {
        out.put(v.name(), v.value());
      } else if (item instanceof EnvItem.Secure s) {
        JobContext.SecureOpening opened = context.openSecure(s.value().blob().text());
        if (opened.unreadable().isPresent()) {
          say(
              job,
              "the secure value of env at "
                  + s.at()
                  + " cannot be read: "
                  + opened.unreadable().get()
                  + "; its variables are not set");
        } else {
          out.putAll(opened.pairs());
        }
      }
    }
    return out;
  }

  /** The job's own env entry as the report shows it: {@code A=1 B=2}, a secure one as "secure". */
  private String env(MatrixJob job) {
    int global = config.env().global().stream().mapToInt(e -> e.items().size()).sum();
    List<String> words = new ArrayList<>();
    for (EnvItem item : job.env().subList(Math.min(global, job.env().size()), job.env().size())) {
      words.add(item instanceof EnvItem.Variable v ? v.name() + "=" + v.value() : "secure");
    }
    return String.join(" ", words);
  }

  /**
   * The run's mark with the job's number: an executor stops what a script left running by its mark,
   * so jobs running at once must not share one; it still starts with the run's, which finds what a
   * dead shiprun left.
   */
  private String mark(MatrixJob job) {
    return context.runMark() + "-" + job.number();
  }

  private String number(MatrixJob job) {
    return context.buildNumber() + "." + job.number();
  }

  private void say(MatrixJob job, String line) {
    context.say("[" + number(job) + "] " + line);
  }

  private static String words(Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  /** Whether the run's time is up. */
  static boolean pastDeadline(JobContext context) {
    return !Instant.now().isBefore(context.deadline());
  }
}
