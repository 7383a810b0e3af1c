package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.runner.engine.Engine;
import dev.shiprun.runner.engine.EngineSettings;
import dev.shiprun.runner.engine.JobResult;
import dev.shiprun.runner.engine.LineRunner;
import dev.shiprun.runner.engine.LiveOutput;
import dev.shiprun.runner.engine.ShownVersions;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun run [PATH] [--job NAME]…}: runs the assembly line's runSh jobs as Shippable did,
 * keeping versions, state and logs in the home's store.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the assembly line's jobs, keeping versions, state and logs.",
      "Without --job every job whose inputs have versions, then what",
      "their new versions trigger; with --job a manual run of those jobs, then what they",
      "trigger. Versions, job state and logs are kept in the home (see 'shiprun versions',",
      "'shiprun runs', 'shiprun logs')."
    },
    footer = {
      "",
      "Exit codes: 0 every job that ran succeeded, 1 a job failed, errored, timed out",
      "or was cancelled, or nothing ran because no job has versions for all of its",
      "inputs (or the pipeline is invalid), 2 usage error, 3 shiprun could not use its",
      "home."
    })
public class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Mixin LineOptions lineOptions = new LineOptions();

  @Option(
      names = {"-p", "--parallel"},
      paramLabel = "N",
      description = "Jobs that may run at once. Default: the number of CPUs.")
  Optional<Integer> parallel = Optional.empty();

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VALUE",
      description = "A variable for every job (repeatable); the job's own variables win.")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Limit per job, overriding runtime.timeoutMinutes: 90s, 15m, 2h, or minutes (30).")
  Optional<String> timeout = Optional.empty();

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "On timeout or Ctrl-C: time between TERM and KILL. Default: ${DEFAULT-VALUE}.")
  String grace;

  @Option(
      names = "--line",
      paramLabel = "NAME",
      description = "Name the line's versions are kept under. Default: the directory's name.")
  Optional<String> lineName = Optional.empty();

  @Option(
      names = "--keep-workspace",
      description = "Keep build folders after the run (they hold integration files).")
  boolean keepWorkspace;

  @Option(
      names = "--strict-secrets",
      description =
          "Fail a job when a secret got past the masker into its stored log (otherwise a"
              + " warning; the log is masked again either way).")
  boolean strictSecrets;

  @Mixin VersionSecretsOption versionSecrets = new VersionSecretsOption();

  @Option(
      names = {"-v", "--verbose"},
      description = "Stream each job's output live (prefixed by the job name).")
  boolean verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Summary as text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  private final LineInput input;
  private final ShiprunHome home;
  private final CallerEnvironment caller;
  private final IntegrationStores stores;

  @Inject
  public RunCommand(
      LineInput input, ShiprunHome home, CallerEnvironment caller, IntegrationStores stores) {
    this.stores = stores;
    this.input = input;
    this.home = home;
    this.caller = caller;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Interrupts.ignoredWarning().ifPresent(err::println);
    Map<String, String> inherited = inherited();
    Optional<Duration> limit = timeout.map(t -> DurationOption.parse(spec, "--timeout", t));
    Duration graceTime = DurationOption.parse(spec, "--grace", grace);
    int threads = parallel.orElse(Runtime.getRuntime().availableProcessors());
    if (threads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--parallel must be 1 or more, not " + threads);
    }
    Optional<LineInput.Loaded> loaded =
        input.load(spec, lineOptions, output, stores.of(homeOptions.home));
    if (loaded.isEmpty()) {
      return ExitCode.FAILED.code();
    }
    LineInput.Loaded line = loaded.get();
    DiagnosticRenderer renderer = new DiagnosticRenderer(line.sources());
    line.diagnostics().forEach(d -> err.println(renderer.render(d)));
    if (line.hasErrors()) {
      err.println("not run: the integrations file has errors");
      err.flush();
      return ExitCode.FAILED.code();
    }
    List<Diagnostic> missing =
        new Planner().missingIntegrations(line.valid(), lineOptions.request(line.integrations()));
    if (missing.stream().anyMatch(Diagnostic::isError)) {
      missing.forEach(d -> err.println(renderer.render(d)));
      err.println("not run: an integration the jobs use is missing; nothing was started");
      err.flush();
      return ExitCode.FAILED.code();
    }
    Path homeDir = home.resolve(homeOptions.home);
    ObjectMapper json = new ObjectMapper();
    ShownVersions shown = ShownVersions.of(line.integrations().values());
    ConsoleProgress console = new ConsoleProgress(err, verbose, shown);
    try (Store store = Store.open(homeDir, json);
        Engine engine =
            new Engine(
                store,
                new EngineSettings(
                    homeDir,
                    limit,
                    graceTime,
                    inherited,
                    keepWorkspace,
                    strictSecrets,
                    versionSecrets.storeMaskedVersions),
                new ProcessLauncher(
                    ExecOptions.defaults(caller.variables()), new ProcessTreeKiller(graceTime)),
                json)) {
      LineRunner runner = new LineRunner(engine, console, console);
      engine.removeLeftovers(console::note);
      // Ctrl-C and TERM cancel every running job the engine's way (TERM, grace, KILL, on_cancel,
      // the run recorded as cancelled), and then the command ends normally. A JVM shutdown hook
      // would be too late: H2 closes its database in its own hook. Closing the engine waits for
      // the build folders to be cleared, before the store closes.
      LineRunner.Outcome outcome;
      try (Interrupts interrupts = Interrupts.onSignal(runner::cancelAll)) {
        outcome =
            runner.run(
                new LineRunner.Request(
                    name(),
                    line.valid().line(),
                    lineOptions.jobs,
                    !lineOptions.noDownstream,
                    line.integrations(),
                    threads));
      }
      print(outcome, shown, line.valid().line());
      return outcome.allSucceeded() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    } catch (StoreException e) {
      err.println("shiprun run: " + e.getMessage());
      err.flush();
      return ExitCode.INTERNAL.code();
    }
  }

  private void print(LineRunner.Outcome outcome, ShownVersions shown, AssemblyLine line) {
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(RunSummary.json(outcome, shown));
    } else if (outcome.results().isEmpty() && outcome.cancelled()) {
      spec.commandLine().getErr().println("nothing ran: cancelled while waiting for the line");
    } else if (outcome.ranNothingForWantOfVersions()) {
      spec.commandLine()
          .getErr()
          .println(
              "nothing ran: no job has versions for all of its inputs ("
                  + (outcome.notReady().size() == 1
                      ? "the job above waits for one"
                      : "the jobs above wait for them")
                  + "); see 'shiprun plan'");
    } else if (outcome.results().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              line.jobs().isEmpty()
                  ? "nothing to run: the line has no jobs"
                  : "nothing to run: no job of the line starts on its own (see 'shiprun plan')");
    } else {
      out.print(RunSummary.text(outcome, shown));
    }
    out.flush();
    spec.commandLine().getErr().flush();
  }

  /** The name versions are kept under: --line, else the assembly line's directory name. */
  private String name() {
    if (lineName.isPresent()) {
      return lineName.get();
    }
    List<Path> resolved = input.resolve(lineOptions.paths);
    Path first = resolved.isEmpty() ? Path.of("") : resolved.get(0);
    Path absolute = first.toAbsolutePath().normalize();
    Path dir = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    return dir == null || dir.getFileName() == null ? "default" : dir.getFileName().toString();
  }

  /** The caller's allow-listed variables, then --env entries. */
  private Map<String, String> inherited() {
    Map<String, String> out = EngineSettings.allowListed(caller.variables());
    for (String entry : env) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--env needs KEY=VALUE, not '" + entry + "'");
      }
      out.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    return out;
  }

  /** Live output and progress on stderr. */
  private static final class ConsoleProgress implements LineRunner.Progress, LiveOutput {
    private final PrintWriter err;
    private final boolean verbose;
    private final ShownVersions shown;

    ConsoleProgress(PrintWriter err, boolean verbose, ShownVersions shown) {
      this.err = err;
      this.verbose = verbose;
      this.shown = shown;
    }

    @Override
    public synchronized void started(Job job) {
      err.println("started  " + job.name());
      err.flush();
    }

    @Override
    public synchronized void waiting(Job job, String why) {
      err.println("waiting  " + job.name() + ": " + why);
      err.flush();
    }

    @Override
    public synchronized void waitingForLine(String why) {
      err.println("waiting  " + why);
      err.flush();
    }

    @Override
    public synchronized void leftOut(Job job, String why) {
      err.println("not run  " + job.name() + ": " + why);
      err.flush();
    }

    @Override
    public synchronized void note(String text) {
      err.println("note     " + text);
      err.flush();
    }

    @Override
    public synchronized void repository(String resource, String text) {
      err.println("gitRepo  " + resource + ": " + text);
      err.flush();
    }

    @Override
    public synchronized void finished(JobResult r) {
      err.println(
          "finished "
              + r.job()
              + " #"
              + r.buildNumber()
              + ": "
              + r.status().wire()
              + " in "
              + RunSummary.duration(r.duration())
              + r.reason()
                  .filter(s -> !r.succeeded())
                  .map(s -> " (" + shown.text(s) + ")")
                  .orElse(""));
      err.flush();
    }

    @Override
    public boolean showsLines() {
      return verbose;
    }

    @Override
    public synchronized void line(String job, String text) {
      if (verbose) {
        err.println("[" + job + "] " + text);
        err.flush();
      }
    }
  }
}
