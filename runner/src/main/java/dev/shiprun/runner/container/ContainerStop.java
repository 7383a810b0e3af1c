package dev.shiprun.runner.container;

import dev.shiprun.runner.exec.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a script's container through its engine: {@code stop} with the grace period (TERM, then
 * KILL), then {@code rm --force}, until the command that ran it has ended; a container still being
 * created when the stop comes is caught by the next round.
 *
 * @param client the container command
 * @param grace how long the container gets between TERM and KILL
 */
record ContainerStop(EngineClient client, Duration grace) {

  private static final int ROUNDS = 5;
  private static final Duration PATIENCE = Duration.ofSeconds(3);
  private static final Duration ENGINE_LIMIT = Duration.ofSeconds(60);

  /** Stops container {@code name} and waits for {@code runCommand}; returns notes for the log. */
  List<String> stop(String name, Process runCommand) {
    List<String> notes = new ArrayList<>();
    long seconds = Math.max(0, (grace.toMillis() + 999) / 1000);
    String engine = client.engine().name();
    notes.add(
        "stopped container " + name + " (" + engine + " stop --time " + seconds + ", rm --force)");
    for (int round = 0; round < ROUNDS && runCommand.isAlive(); round++) {
      client.ask(
          List.of("stop", "--time", Long.toString(seconds), name),
          ENGINE_LIMIT.plusSeconds(seconds));
      client.ask(List.of("rm", "--force", name), ENGINE_LIMIT);
      if (waitFor(runCommand, PATIENCE)) {
        break;
      }
    }
    if (runCommand.isAlive()) {
      runCommand.destroyForcibly();
      waitFor(runCommand, PATIENCE);
      notes.add("the " + engine + " run command of container " + name + " was killed");
    }
    Command.Result removed = client.ask(List.of("rm", "--force", name), ENGINE_LIMIT);
    if (removed instanceof Command.Result.Exited exited
        && exited.code() != 0
        && !exited.stderr().contains("no such container")
        && !exited.stderr().contains("No such container")) {
      notes.add("container " + name + " may be left: " + ImagePull.describe(removed));
    }
    return notes;
  }

  private static boolean waitFor(Process process, Duration patience) {
    try {
      return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
