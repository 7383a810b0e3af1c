package dev.shiprun.runner.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How scripts are started.
 *
 * @param bash the bash executable
 * @param setsid util-linux {@code setsid}, when present: the script then starts as the leader of a
 *     session and process group of its own, so a Ctrl-C at the terminal reaches shiprun only (which
 *     cancels in order) and the group is one more way to find the script's processes
 * @param sh a POSIX shell: a script moves itself into its cgroup with it before it becomes bash
 * @param containment {@value #AUTO} (a cgroup per script when this machine allows it, else the run
 *     token) or {@value #TOKEN} (the run token only), from {@value #CONTAINMENT_VARIABLE}
 */
public record ExecOptions(Path bash, Optional<Path> setsid, Path sh, String containment) {

  /** The environment variable that chooses the containment. */
  public static final String CONTAINMENT_VARIABLE = "SHIPRUN_CONTAINMENT";

  public static final String AUTO = "auto";
  public static final String TOKEN = "token";

  public ExecOptions {
    Objects.requireNonNull(bash, "bash");
    Objects.requireNonNull(setsid, "setsid");
    Objects.requireNonNull(sh, "sh");
    Objects.requireNonNull(containment, "containment");
  }

  /** bash, setsid and sh from the usual places or the JVM's PATH; the JVM's environment. */
  public static ExecOptions defaults() {
    return defaults(System.getenv());
  }

  /** As {@link #defaults()}, the containment chosen by {@code environment}. */
  public static ExecOptions defaults(Map<String, String> environment) {
    return new ExecOptions(
        find("bash").orElse(Path.of("/bin/bash")),
        find("setsid"),
        find("sh").orElse(Path.of("/bin/sh")),
        Optional.ofNullable(environment.get(CONTAINMENT_VARIABLE))
            .filter(value -> !value.isBlank())
            .map(String::strip)
            .orElse(AUTO));
  }

  /** The same, with the run token only. */
  public ExecOptions tokenOnly() {
    return new ExecOptions(bash, setsid, sh, TOKEN);
  }

  /** What is wrong with the containment setting, as one line for the user. */
  Optional<String> containmentProblem() {
    return containment.equals(AUTO) || containment.equals(TOKEN)
        ? Optional.empty()
        : Optional.of(
            CONTAINMENT_VARIABLE
                + " is '"
                + containment
                + "': it is "
                + AUTO
                + " (a cgroup per script where the machine allows it) or "
                + TOKEN
                + " (the run token only); set one of them or unset it");
  }

  private static Optional<Path> find(String program) {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    return Stream.concat(Stream.of("/usr/bin", "/bin"), Stream.of(path.split(File.pathSeparator)))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
