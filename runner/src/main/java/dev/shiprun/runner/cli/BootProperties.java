package dev.shiprun.runner.cli;

import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The runtime properties Quarkus must see before it boots, because HTTP starts while it boots: for
 * {@code shiprun daemon}, the address of its options; for every other command no HTTP listener at
 * all, so a one-shot command never collides with a daemon on the same port (TOOLCHAIN.md, "One app
 * that is a CLI and a daemon").
 */
final class BootProperties {

  static final String HOST_ENABLED = "quarkus.http.host-enabled";
  static final String HOST = "quarkus.http.host";
  static final String PORT = "quarkus.http.port";
  static final String MAX_BODY = "quarkus.http.limits.max-body-size";

  private static final Map<String, String> NO_HTTP = Map.of(HOST_ENABLED, "false");

  private BootProperties() {}

  static Map<String, String> of(String... args) {
    if (args.length == 0 || !args[0].equals("daemon")) {
      return NO_HTTP;
    }
    DaemonOptions options = new DaemonOptions();
    try {
      CommandLine.populateCommand(options, Arrays.copyOfRange(args, 1, args.length));
    } catch (ParameterException e) {
      // --help, a typo, a bad value: the daemon command reports it (or shows its help) and
      // exits; no listener should start for that, nor fail first on a port in use.
      return NO_HTTP;
    }
    if (options.problem().isPresent()) {
      return NO_HTTP;
    }
    return Map.of(
        HOST, options.bind, PORT, Integer.toString(options.port), MAX_BODY, options.maxBody);
  }
}
