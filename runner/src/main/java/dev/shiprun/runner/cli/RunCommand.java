package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.schedule.LineRunner;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
      "Exit codes: 0 every job succeeded, 1 a job failed, errored, timed out or was cancelled",
      "(or the pipeline is invalid), 2 usage error, 3 shiprun could not use its home."
    })
public class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Mixin LineOptions lineOptions = new LineOptions();

  @Mixin RunOptions runOptions = new RunOptions();

  private final LineInput input;
  private final ShiprunHome home;
  private final CallerEnvironment caller;

  public RunCommand(LineInput input, ShiprunHome home, CallerEnvironment caller) {
    this.input = input;
    this.home = home;
    this.caller = caller;
  }

  @Override
  public Integer call() {
    LineRun run = new LineRun(spec, runOptions, home.resolve(homeOptions.home), caller.variables());
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
    String name = LineRun.lineName(runOptions, input.resolve(lineOptions.paths));
    Optional<String> ciCommit = runOptions.commit.resolve(spec, line.valid().line());
    return run.run(
        line,
        lineOptions.request(line.integrations(), line.secure()),
        (store, json, threads) ->
            Optional.of(
                new LineRunner.Request(
                    name,
                    line.valid().line(),
                    lineOptions.jobs,
                    !lineOptions.noDownstream,
                    line.integrations(),
                    line.secure(),
                    threads,
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    ciCommit)));
  }
}
