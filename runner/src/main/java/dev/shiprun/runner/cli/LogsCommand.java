package dev.shiprun.runner.cli;

import dev.shiprun.runner.engine.log.RunLogs;
import dev.shiprun.runner.store.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shiprun logs RUN}: the stored (masked) log of a run. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Prints the stored log of a run (secrets masked), as 'shiprun runs' lists them.",
    footer = {"", "Exit codes: 0 ok, 1 no such run or no log, 2 usage error."})
public class LogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "RUN", description = "The run id (see 'shiprun runs').")
  long runId;

  private final ShiprunHome home;

  public LogsCommand(ShiprunHome home) {
    this.home = home;
  }

  @Override
  public Integer call() {
    Path homeDir = home.resolve(homeOptions.home);
    return StoreCommands.withStore(
        spec,
        "logs",
        homeDir,
        store -> {
          PrintWriter err = spec.commandLine().getErr();
          Optional<Run> run = store.transaction(c -> store.runs().get(c, runId));
          if (run.isEmpty()) {
            err.println("shiprun logs: no run " + runId + " (see 'shiprun runs')");
            err.flush();
            return ExitCode.FAILED.code();
          }
          Path file = RunLogs.file(homeDir, runId);
          if (!Files.isRegularFile(file)) {
            err.println("shiprun logs: run " + runId + " has no stored log (" + file + ")");
            err.flush();
            return ExitCode.FAILED.code();
          }
          try {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Files.readString(file, StandardCharsets.UTF_8));
            out.flush();
          } catch (IOException e) {
            err.println("shiprun logs: cannot read " + file + ": " + e.getMessage());
            err.flush();
            return ExitCode.INTERNAL.code();
          }
          return ExitCode.OK.code();
        });
  }
}
