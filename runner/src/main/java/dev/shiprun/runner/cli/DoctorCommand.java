package dev.shiprun.runner.cli;

import dev.shiprun.runner.exec.Containment;
import dev.shiprun.runner.exec.ContainmentProbe;
import dev.shiprun.runner.exec.ExecOptions;
import jakarta.inject.Inject;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun doctor}: whether this machine can run jobs, one line per check: /proc, bash,
 * setsid, the containment of a job's processes (tried for real), the tools shipctl and gitRepo
 * call, the home.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that this machine can run jobs, one line per check.",
      "Each line is ok, warn (works, with the limit said on the line) or fail (jobs",
      "cannot run until it is fixed). It says which containment keeps a job's",
      "processes together: a cgroup per script, or the run token only, and why.",
      "SHIPRUN_CONTAINMENT=token chooses the run token."
    },
    footer = {"", "Exit codes: 0 no check failed (warnings allowed), 1 a check failed."})
public class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  private final ShiprunHome home;
  private final CallerEnvironment caller;

  @Inject
  public DoctorCommand(ShiprunHome home, CallerEnvironment caller) {
    this.home = home;
    this.caller = caller;
  }

  /** One line of the report. */
  record Check(Status status, String text) {
    enum Status {
      OK,
      WARN,
      FAIL
    }

    String line() {
      return String.format("%-5s %s", status.name().toLowerCase(), text);
    }
  }

  @Override
  public Integer call() {
    Map<String, String> environment = caller.variables();
    ExecOptions options = ExecOptions.defaults(environment);
    List<Check> checks = new ArrayList<>();
    checks.add(
        Files.isReadable(Path.of("/proc/self/stat"))
            ? ok("processes: /proc is readable")
            : fail("processes: cannot see processes in /proc: run host TASKs on Linux"));
    checks.add(
        Files.isExecutable(options.bash())
            ? ok("bash: " + options.bash())
            : fail(
                "bash: not found at " + options.bash() + ": install bash, which runs every TASK"));
    checks.add(
        options
            .setsid()
            .map(path -> ok("setsid: " + path))
            .orElse(
                warn(
                    "setsid: not found: scripts share shiprun's process group, so a terminal's"
                        + " Ctrl-C reaches them directly; install util-linux")));
    checks.add(containment(options));
    checks.add(tool("jq", environment, "shipctl's JSON commands need it; install jq"));
    checks.add(tool("git", environment, "gitRepo resources need it; install git"));
    checks.add(home(home.resolve(homeOptions.home)));
    PrintWriter out = spec.commandLine().getOut();
    checks.forEach(check -> out.println(check.line()));
    out.flush();
    return checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL)
        ? ExitCode.FAILED.code()
        : ExitCode.OK.code();
  }

  private static Check containment(ExecOptions options) {
    String setting = options.containment();
    if (!setting.equals(ExecOptions.AUTO) && !setting.equals(ExecOptions.TOKEN)) {
      return fail(
          "containment: "
              + ExecOptions.CONTAINMENT_VARIABLE
              + " is '"
              + setting
              + "': it is auto or token; set one of them or unset it");
    }
    Containment found = new ContainmentProbe(options).detect();
    return found.holdsEscapees() ? ok(found.describe()) : warn(found.describe());
  }

  /** A program on the PATH jobs get (the caller's PATH). */
  private static Check tool(String name, Map<String, String> environment, String why) {
    String path = Objects.requireNonNullElse(environment.get("PATH"), "/usr/bin:/bin");
    Optional<Path> found =
        Stream.of(path.split(File.pathSeparator))
            .filter(dir -> !dir.isBlank())
            .map(dir -> Path.of(dir, name))
            .filter(Files::isExecutable)
            .findFirst();
    return found
        .map(p -> ok(name + ": " + p))
        .orElse(warn(name + ": not found on the PATH: " + why));
  }

  /** The home exists and is writable, or can be made where it would go. */
  private static Check home(Path dir) {
    if (Files.isDirectory(dir)) {
      return Files.isWritable(dir)
          ? ok("home: " + dir)
          : fail("home: " + dir + " is not writable: fix its owner or mode, or choose --home");
    }
    Path parent = dir.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
      return ok("home: " + dir + " (made by the first command that needs it)");
    }
    return fail(
        "home: "
            + dir
            + " cannot be made ("
            + (parent == null ? "no folder above it exists" : parent + " is not a writable folder")
            + "): choose another with --home or SHIPRUN_HOME");
  }

  private static Check ok(String text) {
    return new Check(Check.Status.OK, text);
  }

  private static Check warn(String text) {
    return new Check(Check.Status.WARN, text);
  }

  private static Check fail(String text) {
    return new Check(Check.Status.FAIL, text);
  }
}
