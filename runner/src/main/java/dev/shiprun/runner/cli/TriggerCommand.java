package dev.shiprun.runner.cli;

import dev.shiprun.model.Job;
import dev.shiprun.model.Resource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.plan.PlanRequest;
import dev.shiprun.runner.engine.schedule.LineRunner;
import dev.shiprun.runner.engine.version.TriggerVersions;
import dev.shiprun.runner.store.StoredVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun trigger NAME [PATH]… [--message TEXT]}: a user triggers a trigger resource, as
 * Shippable's UI did. Its next version is recorded, then the jobs that read it run, and what they
 * trigger, as {@code run} runs them.
 */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    description = {
      "Triggers a trigger resource, then runs the jobs that read it.",
      "Records the trigger's next version (shippable.triggers.yml, or type: trigger):",
      "a counter one above the last, named by --message or else the counter. Then",
      "runs the jobs that read it with switch on, and what they trigger, as 'run' does."
    },
    footer = {
      "",
      "Exit codes: 0 every job succeeded, 1 a job failed, errored, timed out or was",
      "cancelled, no job reads the trigger, or the pipeline is invalid; 2 usage error",
      "(NAME is no trigger of the line); 3 shiprun could not use its home."
    })
public class TriggerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(index = "0", paramLabel = "NAME", description = "The trigger resource to trigger.")
  String trigger;

  @Parameters(
      index = "1..*",
      paramLabel = "PATH",
      description = "Directories or YAML files of one assembly line. Default: the current one.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"-m", "--message"},
      paramLabel = "TEXT",
      description = "The new version's message (its versionName). Default: the counter.")
  Optional<String> message = Optional.empty();

  @Option(
      names = {"-i", "--integrations"},
      paramLabel = "FILE",
      description = "Account integrations (YAML, see the README); $${VAR} reads the environment.")
  Optional<Path> integrationsFile = Optional.empty();

  @Mixin ExternalOption external = new ExternalOption();

  @Mixin RepoNameOption repoName = new RepoNameOption();

  @Mixin ManagedOption managed = new ManagedOption();

  @Mixin RunOptions runOptions = new RunOptions();

  private final LineInput input;
  private final ShiprunHome home;
  private final CallerEnvironment caller;

  public TriggerCommand(LineInput input, ShiprunHome home, CallerEnvironment caller) {
    this.input = input;
    this.home = home;
    this.caller = caller;
  }

  @Override
  public Integer call() {
    LineRun run = new LineRun(spec, runOptions, home.resolve(homeOptions.home), caller.variables());
    LineOptions lineOptions = new LineOptions();
    lineOptions.paths = paths;
    lineOptions.integrationsFile = integrationsFile;
    lineOptions.external = external;
    lineOptions.repoName = repoName;
    lineOptions.managed = managed;
    Optional<LineInput.Loaded> loaded =
        input.load(
            spec,
            lineOptions,
            runOptions.strictSecrets,
            runOptions.output.format,
            homeOptions.home);
    if (loaded.isEmpty()) {
      return ExitCode.FAILED.code();
    }
    LineInput.Loaded line = loaded.get();
    AssemblyLine assemblyLine = line.valid().line();
    TriggerResource resource = triggerOf(assemblyLine);
    List<String> readers =
        TriggerVersions.readers(assemblyLine, trigger).stream().map(Job::name).toList();
    String name = LineRun.lineName(runOptions, input.resolve(paths));
    Optional<String> ciCommit = runOptions.commit.resolve(spec, assemblyLine);
    PrintWriter err = spec.commandLine().getErr();
    return run.run(
        line,
        new PlanRequest(readers, true, line.integrations(), line.secure()),
        (store, json, threads) -> {
          StoredVersion v =
              store.transaction(
                  c ->
                      new TriggerVersions(json, line.plugins().resourceTypes())
                          .fire(c, store, name, assemblyLine, resource, message));
          err.println(
              "trigger  "
                  + trigger
                  + ": version "
                  + v.number()
                  + v.versionName().map(n -> " (" + n + ")").orElse(""));
          if (readers.isEmpty()) {
            err.println(
                "nothing ran: no job reads trigger '"
                    + trigger
                    + "' with switch on; add '- IN: "
                    + trigger
                    + "' to the steps of the jobs it is to start");
            return Optional.empty();
          }
          Map<String, String> through = new LinkedHashMap<>();
          readers.forEach(job -> through.put(job, trigger));
          return Optional.of(
              new LineRunner.Request(
                  name,
                  assemblyLine,
                  readers,
                  true,
                  line.integrations(),
                  line.secure(),
                  threads,
                  Map.of(),
                  Map.of(),
                  through,
                  ciCommit));
        });
  }

  /** The trigger resource NAME names; a usage error, with what it is instead, when it is none. */
  private TriggerResource triggerOf(AssemblyLine line) {
    Optional<Resource> resource = line.resource(trigger);
    Optional<TriggerResource> found = resource.flatMap(Resource::asTrigger);
    if (found.isPresent()) {
      return found.get();
    }
    if (resource.isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + trigger
              + "' is a "
              + resource.get().type()
              + " resource, not a trigger; only resources of type trigger are triggered (run the"
              + " jobs that read it with 'shiprun run --job JOB')");
    }
    if (line.job(trigger).isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + trigger
              + "' is a job, not a trigger; run it with 'shiprun run --job "
              + trigger
              + "'");
    }
    List<String> triggers =
        line.resources().stream()
            .filter(r -> r.asTrigger().isPresent())
            .map(Resource::name)
            .toList();
    throw new ParameterException(
        spec.commandLine(),
        "no trigger named '"
            + trigger
            + "' in this assembly line"
            + Suggestions.closest(trigger, triggers)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(
                    triggers.isEmpty()
                        ? "; it has none (define them in shippable.triggers.yml)"
                        : "; triggers: " + String.join(", ", triggers)));
  }
}
