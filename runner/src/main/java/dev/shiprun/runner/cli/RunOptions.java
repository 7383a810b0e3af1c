package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.job.EngineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How the commands that run jobs ({@code run}, {@code trigger}) run them. */
public class RunOptions {

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

  @Mixin CommitOption commit = new CommitOption();

  @Mixin VersionSecretsOption versionSecrets = new VersionSecretsOption();

  @Mixin RuntimeOptions runtime = new RuntimeOptions();

  @Option(
      names = {"-v", "--verbose"},
      description = "Stream each job's output live (prefixed by the job name).")
  boolean verbose;

  @Mixin OutputOption output = new OutputOption();

  Optional<Duration> limit(CommandSpec spec) {
    return timeout.map(t -> DurationOption.parse(spec, "--timeout", t));
  }

  Duration graceTime(CommandSpec spec) {
    return DurationOption.parse(spec, "--grace", grace);
  }

  int threads(CommandSpec spec) {
    int threads = parallel.orElse(Runtime.getRuntime().availableProcessors());
    if (threads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--parallel must be 1 or more, not " + threads);
    }
    return threads;
  }

  /** The caller's allow-listed variables, then --env entries. */
  Map<String, String> inherited(CommandSpec spec, Map<String, String> caller) {
    Map<String, String> out = EngineSettings.allowListed(caller);
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
}
