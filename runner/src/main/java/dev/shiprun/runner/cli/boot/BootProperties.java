package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.DaemonOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Which command lines boot Quarkus ({@code shiprun daemon}'s only), and the runtime properties
 * Quarkus must see before it boots, because HTTP starts while it boots: the address of the daemon's
 * options, and with a certificate HTTPS on that port instead of HTTP (the TLS registry's
 * configuration {@value #TLS_CONFIGURATION}, PEM files); for a daemon command line that will not
 * run, no HTTP listener at all (TOOLCHAIN.md, "One app that is a CLI and a daemon").
 */
public final class BootProperties {

  static final String HOST_ENABLED = "quarkus.http.host-enabled";
  public static final String HOST = "quarkus.http.host";
  public static final String PORT = "quarkus.http.port";
  static final String MAX_BODY = "quarkus.http.limits.max-body-size";

  /** The TLS registry's name for the API's certificate (the daemon reloads it by this name). */
  static final String TLS_CONFIGURATION =
      dev.shiprun.runner.daemon.api.ApiCertificates.CONFIGURATION;

  private static final Map<String, String> NO_HTTP = Map.of(HOST_ENABLED, "false");

  private BootProperties() {}

  /** Whether {@code args} are {@code shiprun daemon}'s, the one command line Quarkus serves. */
  static boolean daemon(String... args) {
    return args.length > 0 && args[0].equals("daemon");
  }

  /** The properties for {@code args}; {@code env} may name the certificate (SHIPRUN_TLS_*). */
  static Map<String, String> of(Map<String, String> env, String... args) {
    if (!daemon(args)) {
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
    if (options.problem(env).isPresent()) {
      return NO_HTTP;
    }
    Map<String, String> out = new HashMap<>();
    out.put(HOST, options.bind);
    out.put(PORT, Integer.toString(options.port));
    out.put(MAX_BODY, options.maxBody);
    options
        .tls(env)
        .ifPresent(
            tls -> {
              String store = "quarkus.tls." + TLS_CONFIGURATION + ".key-store.pem.0.";
              out.put(store + "cert", tls.cert().toString());
              out.put(store + "key", tls.key().toString());
              out.put("quarkus.http.tls-configuration-name", TLS_CONFIGURATION);
              // HTTPS on --port, and no plain listener at all.
              out.put("quarkus.http.ssl-port", Integer.toString(options.port));
              out.put("quarkus.http.insecure-requests", "disabled");
            });
    return Map.copyOf(out);
  }
}
