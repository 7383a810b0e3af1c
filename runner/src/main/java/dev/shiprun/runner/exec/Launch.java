package dev.shiprun.runner.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One bash script to run for a job step.
 *
 * @param script the file bash runs (for a TASK, {@link TaskScriptFile#wrapper()})
 * @param workingDirectory where it starts
 * @param environment the whole environment of the script: it gets exactly these entries (plus
 *     {@link RunToken#VARIABLE}), never the JVM's own; values are passed byte-exact as environment
 *     entries, never spliced into script text
 * @param token marks every process the script starts
 * @param timeout the limit, counted from the start of the process
 */
public record Launch(
    Path script,
    Path workingDirectory,
    Map<String, String> environment,
    RunToken token,
    Duration timeout) {

  public Launch {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive: " + timeout);
    }
  }
}
