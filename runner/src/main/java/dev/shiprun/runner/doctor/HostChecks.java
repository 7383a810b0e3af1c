package dev.shiprun.runner.doctor;

import dev.shiprun.runner.exec.Containment;
import dev.shiprun.runner.exec.ContainmentProbe;
import dev.shiprun.runner.exec.ExecOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What host TASKs need: /proc, bash (its version), setsid, the containment of their processes. */
final class HostChecks {

  /** shipctl's oldest bash: 4.4. */
  private static final int OLDEST_MAJOR = 4;

  private static final int OLDEST_MINOR = 4;

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final ExecOptions options;
  private final BoundedCommand commands;

  HostChecks(Map<String, String> environment, BoundedCommand commands) {
    this.options = ExecOptions.defaults(environment);
    this.commands = commands;
  }

  List<Check> checks() {
    return List.of(processes(), bash(), setsid(), containment());
  }

  private static Check processes() {
    return Files.isReadable(Path.of("/proc/self/stat"))
        ? Check.ok("processes", "/proc is readable")
        : Check.fail("processes", "cannot see processes in /proc", "run host TASKs on Linux");
  }

  private Check bash() {
    Path bash = options.bash();
    if (!Files.isExecutable(bash)) {
      return Check.fail(
          "bash", "not found at " + bash, "apt-get install bash (it runs every TASK)");
    }
    BoundedCommand.Result version =
        commands.run(
            List.of(bash.toString(), "-c", "printf '%s' \"$BASH_VERSION\""),
            Duration.ofSeconds(10));
    Matcher m = VERSION.matcher(version.out());
    if (!version.succeeded() || !m.find()) {
      return Check.fail(
          "bash",
          bash + " does not run (" + version.firstLine() + ")",
          "reinstall bash: apt-get install --reinstall bash");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    String found = bash + " " + version.out().strip();
    if (major < OLDEST_MAJOR || (major == OLDEST_MAJOR && minor < OLDEST_MINOR)) {
      return Check.fail(
          "bash",
          found + " is older than " + OLDEST_MAJOR + "." + OLDEST_MINOR + ", which shipctl needs",
          "install bash " + OLDEST_MAJOR + "." + OLDEST_MINOR + " or newer");
    }
    return Check.ok("bash", found);
  }

  private Check setsid() {
    return options
        .setsid()
        .map(path -> Check.ok("setsid", path.toString()))
        .orElse(
            Check.warn(
                "setsid",
                "not found: scripts share shiprun's process group, so a terminal's Ctrl-C reaches"
                    + " them directly",
                "apt-get install util-linux"));
  }

  private Check containment() {
    String setting = options.containment();
    if (!setting.equals(ExecOptions.AUTO) && !setting.equals(ExecOptions.TOKEN)) {
      return Check.fail(
          "containment",
          ExecOptions.CONTAINMENT_VARIABLE + " is '" + setting + "'",
          "it is auto or token; set one of them or unset it");
    }
    Containment found = new ContainmentProbe(options).detect();
    String text = found.describe();
    // describe() starts with "containment: ", the name this line already has.
    String prefix = "containment: ";
    String shown = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    return found.holdsEscapees()
        ? Check.ok("containment", shown)
        : Check.warn("containment", shown);
  }
}
