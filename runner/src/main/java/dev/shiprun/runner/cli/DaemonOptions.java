package dev.shiprun.runner.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code shiprun daemon}. Read twice: by {@link BootProperties} before Quarkus boots
 * (HTTP starts while it boots, so the address must be known then), and by {@link DaemonCommand}.
 */
public class DaemonOptions {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The TCP port of the API. Default: ${DEFAULT-VALUE}.",
      defaultValue = "8484")
  int port = 8484;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only);"
              + " 0.0.0.0 for every interface.",
      defaultValue = "127.0.0.1")
  String bind = "127.0.0.1";

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "How many jobs run at a time. Default: the number of CPUs.")
  int concurrency = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--stop-grace",
      paramLabel = "DURATION",
      description =
          "On SIGTERM or Ctrl-C, how long running jobs may go on before they are cancelled"
              + " (90s, 5m …). Default: ${DEFAULT-VALUE}.",
      defaultValue = "30s")
  String stopGrace = "30s";

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      description =
          "How long a job's processes get between TERM and KILL when it is cancelled or times"
              + " out. Default: ${DEFAULT-VALUE}.",
      defaultValue = "10s")
  String grace = "10s";

  @Option(
      names = "--max-queued",
      paramLabel = "N",
      description =
          "How many runs may wait in the queue; a trigger beyond it gets 429. Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "10000")
  int maxQueued = 10_000;

  @Option(
      names = "--max-log-line",
      paramLabel = "CHARS",
      description =
          "Log lines longer than this are cut where the API serves them (the stored log keeps"
              + " them whole). Default: ${DEFAULT-VALUE}.",
      defaultValue = "65536")
  int maxLogLine = 65_536;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      description =
          "The largest request body the API takes (a YAML upload); larger gets 413. Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "10M")
  String maxBody = "10M";

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "The daemon's own log on stderr, one line per run event: text or json. Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "text")
  String logFormat = "text";

  @Option(
      names = "--store-masked-versions",
      description =
          "Store a version a job posts that holds a secret with the secret as ***. Default:"
              + " refuse it, and the job fails.")
  boolean storeMaskedVersions;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  /** What is wrong with the values, as a usage error's message; empty when they are fine. */
  Optional<String> problem() {
    if (port < 1 || port > 65535) {
      return Optional.of("--port must be between 1 and 65535, not " + port);
    }
    if (bind.isBlank()) {
      return Optional.of("--bind needs an address, such as 127.0.0.1 or 0.0.0.0");
    }
    if (concurrency < 1) {
      return Optional.of("--concurrency must be at least 1, not " + concurrency);
    }
    if (maxQueued < 1) {
      return Optional.of("--max-queued must be at least 1, not " + maxQueued);
    }
    if (maxLogLine < 80) {
      return Optional.of("--max-log-line must be at least 80, not " + maxLogLine);
    }
    if (!maxBody.matches("\\d{1,9}[KMG]?")) {
      return Optional.of("--max-body needs a size such as 512K, 10M or 1G, not '" + maxBody + "'");
    }
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      return Optional.of("--log-format is text or json, not '" + logFormat + "'");
    }
    return Optional.empty();
  }
}
