package dev.shiprun.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One script for an {@link Executor} to run.
 *
 * @param name a plain file name for what the executor writes for it ({@code on_start}, {@code
 *     task_0}, {@code on_cancel}, {@code notify_always_0})
 * @param script what to run
 * @param environment the script's whole environment: it gets exactly these variables
 * @param workingFolder where it starts (the build folder)
 * @param scriptsFolder where the executor may write the script's files
 * @param output where its stdout and stderr go
 * @param deadline when it is stopped as timed out
 * @param cancel when set, it is stopped as cancelled
 * @param runMark marks every process of one run, so that what a dead shiprun left is found later;
 *     the same for every script of a run
 * @param container how the script asks to run in a container; empty when it runs on the host. An
 *     executor that cannot honour it fails the script with a message saying so.
 */
public record Execution(
    String name,
    Script script,
    Map<String, String> environment,
    Path workingFolder,
    Path scriptsFolder,
    ScriptOutput output,
    Instant deadline,
    CancelSignal cancel,
    String runMark,
    Optional<ContainerRequest> container) {

  public Execution {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(script, "script");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingFolder, "workingFolder");
    Objects.requireNonNull(scriptsFolder, "scriptsFolder");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cancel, "cancel");
    Objects.requireNonNull(runMark, "runMark");
    Objects.requireNonNull(container, "container");
  }
}
