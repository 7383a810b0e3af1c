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
    return Optional.empty();
  }
}
