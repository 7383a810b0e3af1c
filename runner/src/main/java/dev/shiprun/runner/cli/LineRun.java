package dev.shiprun.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticRenderer;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.model.plan.Planner;
import dev.shiprun.runner.engine.event.JobResult;
import dev.shiprun.runner.engine.event.RunEvent;
import dev.shiprun.runner.engine.event.RunListener;
import dev.shiprun.runner.engine.job.EngineSettings;
import dev.shiprun.runner.engine.job.NodeRuntime;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.engine.schedule.Engine;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The part of {@code run} and {@code trigger} that runs a loaded line: the integrations the jobs
 * need, the home's store and engine, Ctrl-C, the progress on stderr and the summary on stdout.
 */
final class LineRun {

  /** What to run, decided once the store is open; empty (after saying why) when nothing is. */
  interface Start {
    Optional<LineRunner.Request> request(Store store, ObjectMapper json, int threads);
  }

  private final CommandSpec spec;
  private final RunOptions options;
  private final Path homeDir;
  private final Map<String, String> callerVariables;
  private final Map<String, String> inherited;
  private final Optional<Duration> limit;
  private final Duration graceTime;
  private final int threads;

  /**
   * Reads the options first, so a usage error is said before the line is read; says when the
   * command was started with Ctrl-C and TERM ignored.
   */
  LineRun(CommandSpec spec, RunOptions options, Path homeDir, Map<String, String> callerVariables) {
    this.spec = spec;
    this.options = options;
    this.homeDir = homeDir;
    this.callerVariables = callerVariables;
    Interrupts.ignoredWarning().ifPresent(spec.commandLine().getErr()::println);
    this.inherited = options.inherited(spec, callerVariables);
    this.limit = options.limit(spec);
    this.graceTime = options.graceTime(spec);
    this.threads = options.threads(spec);
  }

  /** Runs what {@code start} asks for on {@code line}; the command's exit code. */
  int run(LineInput.Loaded line, PlanRequest plan, Start start) {
    PrintWriter err = spec.commandLine().getErr();
    // The executors are known once the line's plugins are: a usage error, before anything runs.
    NodeRuntime runtime =
        options.runtime.runtime(
            spec, callerVariables, Engine.executorNames(line.plugins()), homeDir);
    DiagnosticRenderer renderer = new DiagnosticRenderer(line.sources());
    line.diagnostics().forEach(d -> err.println(renderer.render(d)));
    if (line.hasErrors()) {
      err.println("not run: the integrations file has errors");
      err.flush();
      return ExitCode.FAILED.code();
    }
    List<Diagnostic> missing = new Planner().missingIntegrations(line.valid(), plan);
    if (missing.stream().anyMatch(Diagnostic::isError)) {
      missing.forEach(d -> err.println(renderer.render(d)));
      err.println("not run: an integration the jobs use is missing; nothing was started");
      err.flush();
      return ExitCode.FAILED.code();
    }
    ObjectMapper json = new ObjectMapper();
    ShownVersions shown = ShownVersions.of(line.integrations().values());
    ConsoleProgress console = new ConsoleProgress(err, options.verbose, shown);
    try (Store store = Store.open(homeDir, json);
        Engine engine =
            Engine.open(
                store,
                new EngineSettings(
                    homeDir,
                    limit,
                    graceTime,
                    inherited,
                    options.keepWorkspace,
                    options.strictSecrets,
                    options.versionSecrets.storeMaskedVersions,
                    runtime),
                ExecOptions.defaults(callerVariables),
                killed -> {},
                line.plugins())) {
      LineRunner runner = new LineRunner(engine, console, console);
      engine.removeLeftovers(console::note);
      Optional<LineRunner.Request> request = start.request(store, json, threads);
      if (request.isEmpty()) {
        err.flush();
        return ExitCode.FAILED.code();
      }
      // Ctrl-C and TERM cancel every running job the engine's way (TERM, grace, KILL, on_cancel,
      // the run recorded as cancelled), and then the command ends normally. A JVM shutdown hook
      // would be too late: H2 closes its database in its own hook. Closing the engine waits for
      // the build folders to be cleared, before the store closes.
      LineRunner.Outcome outcome;
      try (Interrupts interrupts = Interrupts.onSignal(runner::cancelAll)) {
        outcome = runner.run(request.get());
      }
      print(outcome, shown, line.valid().line());
      // A job asked for by name that shiprun does not run is not a success.
      boolean askedNotRun = request.get().jobs().stream().anyMatch(outcome.notRun()::contains);
      return outcome.allSucceeded() && !askedNotRun ? ExitCode.OK.code() : ExitCode.FAILED.code();
    } catch (StoreException e) {
      err.println("shiprun " + spec.name() + ": " + e.getMessage());
      err.flush();
      return ExitCode.INTERNAL.code();
    }
  }

  private void print(LineRunner.Outcome outcome, ShownVersions shown, AssemblyLine line) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (options.output.json()) {
      out.println(RunSummary.json(outcome, shown));
    } else if (outcome.results().isEmpty() && outcome.cancelled()) {
      err.println("nothing ran: cancelled while waiting for the line");
    } else if (outcome.ranNothingForWantOfVersions()) {
      err.println(
          "nothing ran: no job has versions for all of its inputs ("
              + (outcome.notReady().size() == 1
                  ? "the job above waits for one"
                  : "the jobs above wait for them")
              + "); see 'shiprun plan'");
    } else if (outcome.results().isEmpty() && !outcome.notRun().isEmpty()) {
      err.println(
          "nothing ran: "
              + String.join(", ", outcome.notRun())
              + (outcome.notRun().size() == 1 ? " is" : " are")
              + " not run by shiprun (see above)");
    } else if (outcome.results().isEmpty()) {
      err.println(
          line.jobs().isEmpty()
              ? "nothing to run: the line has no jobs"
              : "nothing to run: no job of the line starts on its own (see 'shiprun plan')");
    } else {
      out.print(RunSummary.text(outcome, shown));
    }
    out.flush();
    err.flush();
  }

  /** The name versions are kept under: --line, else the assembly line's directory name. */
  static String lineName(RunOptions options, List<Path> resolved) {
    return lineName(options.lineName, resolved);
  }

  /**
   * {@code given}, else the name of the first PATH's directory, as {@code shiprun run} names it.
   */
  static String lineName(Optional<String> given, List<Path> resolved) {
    if (given.isPresent()) {
      return given.get();
    }
    Path first = resolved.isEmpty() ? Path.of("") : resolved.get(0);
    Path absolute = first.toAbsolutePath().normalize();
    Path dir = Files.isDirectory(absolute) ? absolute : absolute.getParent();
    return dir == null || dir.getFileName() == null ? "default" : dir.getFileName().toString();
  }

  /** Live output and progress on stderr. */
  private static final class ConsoleProgress implements LineRunner.Progress, RunListener {
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
    public synchronized void ciRepository(String resource, String text) {
      err.println("ciRepo   " + resource + ": " + text);
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

    /** With --verbose, the jobs' log lines; the rest is told through {@link #finished}. */
    @Override
    public synchronized void on(RunEvent event) {
      if (verbose && event instanceof RunEvent.LogLine line) {
        err.println("[" + line.job() + "] " + line.text());
        err.flush();
      }
    }
  }
}
