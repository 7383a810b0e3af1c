package dev.shiprun.runner.cli;

import dev.shiprun.runner.daemon.work.StepView;
import dev.shiprun.runner.store.Run;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shiprun runs}: the history of runs, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists runs, newest first: id, line, job, build number, status, duration.",
    footer = {"", "Exit codes: 0 ok, 1 no store in this home, 2 usage error."})
public class RunsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Option(names = "--line", paramLabel = "NAME", description = "Only runs of this line.")
  Optional<String> line = Optional.empty();

  @Option(
      names = {"-j", "--job"},
      paramLabel = "NAME",
      description = "Only runs of this job.")
  Optional<String> job = Optional.empty();

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N runs. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Mixin OutputOption output = new OutputOption();

  private final ShiprunHome home;

  public RunsCommand(ShiprunHome home) {
    this.home = home;
  }

  @Override
  public Integer call() {
    return StoreCommands.withStore(
        spec,
        "runs",
        home.resolve(homeOptions.home),
        store -> {
          List<Run> runs =
              store.transaction(c -> store.runs().list(c, line, job, Math.max(1, limit)));
          PrintWriter out = spec.commandLine().getOut();
          if (output.json()) {
            List<Object> json = new ArrayList<>();
            for (Run r : runs) {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("id", r.id());
              row.put("line", r.line());
              row.put("job", r.job());
              row.put("buildNumber", r.buildNumber());
              row.put("status", r.status().wire());
              row.put("triggeredBy", r.triggeredBy());
              row.put("reason", r.reason().orElse(null));
              row.put("createdAt", r.createdAt().toString());
              row.put("finishedAt", r.finishedAt().map(Object::toString).orElse(null));
              if (!r.report().isEmpty()) {
                row.put("report", r.report());
              }
              if (!r.steps().isEmpty()) {
                row.put("steps", r.steps().stream().map(StepView::of).toList());
              }
              json.add(row);
            }
            out.println(StoreCommands.json(json));
          } else {
            out.printf(
                "%-6s %-16s %-20s %-6s %-12s %-10s %s%n",
                "RUN", "LINE", "JOB", "BUILD", "STATUS", "DURATION", "STARTED");
            for (Run r : runs) {
              String duration =
                  r.finishedAt()
                      .map(f -> RunSummary.duration(Duration.between(r.createdAt(), f)))
                      .orElse("-");
              out.printf(
                  "%-6d %-16s %-20s %-6s %-12s %-10s %s%s%n",
                  r.id(),
                  r.line(),
                  r.job(),
                  "#" + r.buildNumber(),
                  r.status().wire(),
                  duration,
                  r.createdAt(),
                  r.reason().map(s -> "  (" + s + ")").orElse(""));
              // The report was masked before it was stored.
              for (String l : ReportLines.of(r.report(), UnaryOperator.identity())) {
                out.println("       " + l);
              }
            }
          }
          out.flush();
          return ExitCode.OK.code();
        });
  }
}
