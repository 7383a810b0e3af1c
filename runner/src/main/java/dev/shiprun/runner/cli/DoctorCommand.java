package dev.shiprun.runner.cli;

import dev.shiprun.runner.doctor.Check;
import dev.shiprun.runner.doctor.Doctor;
import dev.shiprun.runner.doctor.DoctorSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun doctor}: what this machine has for shiprun, one line per check (the checks are in
 * {@code runner.doctor}).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks what this machine has for shiprun, one line per check.",
      "The checks: /proc, bash, setsid, the containment of a job's processes (tried",
      "for real; SHIPRUN_CONTAINMENT=token chooses the run token), the tools shipctl",
      "and gitRepo call, the container engine and its storage, the default image, the",
      "home, its disk, its store (opened, never made) and its plugins. Each line is",
      "ok, warn (works with the limit the line says, or a tool only some jobs need is",
      "missing) or fail (jobs cannot run until it is fixed), what was found and, when",
      "not ok, the fix. No container engine is a warning: host TASKs still run."
    },
    footer = {"", "Exit codes: 0 no check failed (warnings allowed), 1 a check failed."})
public class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Mixin ContainerEngineOptions engineOptions = new ContainerEngineOptions();

  @Option(
      names = "--pull-check",
      description =
          "Also pull the default image with the engine's own logins and settings, as a"
              + " container TASK would (at most two minutes).")
  boolean pullCheck;

  @Mixin OutputOption output = new OutputOption();

  private final ShiprunHome home;
  private final CallerEnvironment caller;
  private final HomePlugins plugins;

  public DoctorCommand(ShiprunHome home, CallerEnvironment caller, HomePlugins plugins) {
    this.home = home;
    this.caller = caller;
    this.plugins = plugins;
  }

  @Override
  public Integer call() {
    Map<String, String> environment = caller.variables();
    Path dir = home.resolve(homeOptions.home);
    DoctorSettings settings =
        new DoctorSettings(
            dir,
            environment,
            engineOptions.cli(environment),
            engineOptions.cliSource(),
            engineOptions.defaultImage(environment),
            pullCheck,
            () -> plugins.of(dir));
    List<Check> checks = new Doctor(settings).checks();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      out.println(StoreCommands.json(json(checks)));
    } else {
      checks.forEach(check -> out.println(check.line()));
    }
    out.flush();
    return worst(checks) == Check.Status.FAIL ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  private static Check.Status worst(List<Check> checks) {
    return checks.stream().map(Check::status).max(Enum::compareTo).orElse(Check.Status.OK);
  }

  private static Map<String, Object> json(List<Check> checks) {
    List<Object> rows = new ArrayList<>();
    for (Check check : checks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", check.name());
      row.put("status", check.status().word());
      row.put("found", check.found());
      row.put("fix", check.fix().orElse(null));
      rows.add(row);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", worst(checks).word());
    report.put("checks", rows);
    return report;
  }
}
