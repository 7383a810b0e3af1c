package dev.shiprun.runner.engine.log;

import java.nio.file.Path;

/** Where a run's stored log lives under the home. */
public final class RunLogs {

  private RunLogs() {}

  public static Path file(Path home, long runId) {
    return home.resolve("logs").resolve(runId + ".log");
  }
}
