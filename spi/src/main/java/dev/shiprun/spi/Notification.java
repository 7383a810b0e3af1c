package dev.shiprun.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One NOTIFY entry of a job to deliver (spec §1.3.4).
 *
 * @param resource the notification resource's name
 * @param method what delivers it: the resource's {@code method} ({@code irc}, {@code email}), or
 *     the type of its integration ({@code slackKey}, {@code webhookV2} …)
 * @param name a plain file name for what is written for it, e.g. {@code on_failure_0}
 * @param text the message: {@code [<job>] <event>: build #<n>, run <id>, status <status>}
 * @param environment the job's variables and the resource's own
 * @param workingFolder the build folder
 * @param scriptsFolder where scripts for it may be written
 * @param deadline when a delivery that hangs is given up
 * @param executor runs a script for it like the job's scripts, when it needs one
 * @param runMark the run's process mark (see {@link Execution#runMark()})
 */
public record Notification(
    String resource,
    String method,
    String name,
    String text,
    Map<String, String> environment,
    Path workingFolder,
    Path scriptsFolder,
    Instant deadline,
    Executor executor,
    String runMark) {

  public Notification {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingFolder, "workingFolder");
    Objects.requireNonNull(scriptsFolder, "scriptsFolder");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(runMark, "runMark");
  }
}
