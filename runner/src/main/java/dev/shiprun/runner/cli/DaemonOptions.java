package dev.shiprun.runner.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code shiprun daemon}. Read twice: by {@link BootProperties} before Quarkus boots
 * (HTTP starts while it boots, so the address and the certificate must be known then), and by
 * {@link DaemonCommand}.
 */
public class DaemonOptions {

  static final String TLS_CERT_VARIABLE = "SHIPRUN_TLS_CERT";
  static final String TLS_KEY_VARIABLE = "SHIPRUN_TLS_KEY";

  /** The certificate (chain) and private key the API is served with, both PEM files. */
  public record Tls(Path cert, Path key) {}

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The TCP port of the API. Default: ${DEFAULT-VALUE}.",
      defaultValue = "8484")
  public int port = 8484;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only);"
              + " 0.0.0.0 for every interface.",
      defaultValue = "127.0.0.1")
  public String bind = "127.0.0.1";

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "Serve HTTPS with this certificate (PEM, the chain after it); needs --tls-key. Read again"
              + " when the file changes and on SIGHUP. Default: $SHIPRUN_TLS_CERT.")
  String tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The private key of --tls-cert (PEM). Default: $SHIPRUN_TLS_KEY.")
  String tlsKey;

  @Option(
      names = "--insecure-http",
      description =
          "Serve plain HTTP on an address other than loopback (behind a proxy that does TLS):"
              + " the API token and every log cross the network in the clear. Without it such a"
              + " --bind needs --tls-cert and --tls-key.")
  boolean insecureHttp;

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
  public String maxBody = "10M";

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "The daemon's own log on stderr, one line per run event: text or json. Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "text")
  String logFormat = "text";

  @Option(
      names = "--webhook-secret",
      paramLabel = "LINE=INTEGRATION",
      description =
          "The webhookSecret integration whose secret verifies the provider webhooks of line"
              + " LINE (POST /api/webhooks/PROVIDER/LINE); repeat for each line. A line without"
              + " one refuses every webhook.")
  Map<String, String> webhookSecrets = new java.util.LinkedHashMap<>();

  @Mixin VersionSecretsOption versionSecrets = new VersionSecretsOption();

  @Mixin RuntimeOptions runtime = new RuntimeOptions();

  @Mixin HomeOptions homeOptions = new HomeOptions();

  /**
   * The certificate and key, from the options or else from {@code SHIPRUN_TLS_CERT} and {@code
   * SHIPRUN_TLS_KEY} in {@code env}; empty when neither is given ({@link #problem} refuses one
   * without the other).
   */
  public Optional<Tls> tls(Map<String, String> env) {
    Optional<String> cert = given(tlsCert, env.get(TLS_CERT_VARIABLE));
    Optional<String> key = given(tlsKey, env.get(TLS_KEY_VARIABLE));
    if (cert.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Tls(Path.of(cert.get()).toAbsolutePath(), Path.of(key.get()).toAbsolutePath()));
  }

  private static Optional<String> given(String option, String variable) {
    if (option != null && !option.isBlank()) {
      return Optional.of(option);
    }
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable);
  }

  /** Whether {@code --bind} is this machine only (127.0.0.1, ::1, localhost). */
  boolean bindsLoopback() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * What is wrong with the values, as a usage error's message; empty when they are fine. {@code
   * env} gives the certificate variables.
   */
  public Optional<String> problem(Map<String, String> env) {
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
    for (Map.Entry<String, String> secret : webhookSecrets.entrySet()) {
      if (secret.getKey().isBlank() || secret.getValue().isBlank()) {
        return Optional.of(
            "--webhook-secret needs LINE=INTEGRATION, a line's name and the name of a"
                + " webhookSecret integration, not '"
                + secret.getKey()
                + "="
                + secret.getValue()
                + "'");
      }
    }
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      return Optional.of("--log-format is text or json, not '" + logFormat + "'");
    }
    return tlsProblem(env);
  }

  private Optional<String> tlsProblem(Map<String, String> env) {
    Optional<String> cert = given(tlsCert, env.get(TLS_CERT_VARIABLE));
    Optional<String> key = given(tlsKey, env.get(TLS_KEY_VARIABLE));
    if (cert.isPresent() != key.isPresent()) {
      return Optional.of(
          cert.isPresent()
              ? "--tls-cert needs --tls-key (or SHIPRUN_TLS_KEY): give the certificate's private"
                  + " key too"
              : "--tls-key needs --tls-cert (or SHIPRUN_TLS_CERT): give the key's certificate too");
    }
    Optional<Tls> tls = tls(env);
    if (tls.isPresent()) {
      if (insecureHttp) {
        return Optional.of(
            "--insecure-http asks for plain HTTP, but a certificate is given (--tls-cert or"
                + " SHIPRUN_TLS_CERT); leave out one of them");
      }
      return pemProblem(
              "--tls-cert",
              tls.get().cert(),
              "CERTIFICATE",
              "the certificate",
              "openssl x509 -in CERT -outform PEM")
          .or(
              () ->
                  pemProblem(
                      "--tls-key",
                      tls.get().key(),
                      "PRIVATE KEY",
                      "its private key",
                      "openssl pkey -in KEY -outform PEM"));
    }
    if (!insecureHttp && !bindsLoopback()) {
      return Optional.of(
          "--bind "
              + bind
              + " would serve the API beyond this machine over plain HTTP, the token and every"
              + " log in the clear; give --tls-cert FILE --tls-key FILE (or SHIPRUN_TLS_CERT and"
              + " SHIPRUN_TLS_KEY), or --insecure-http behind a proxy that does TLS");
    }
    return Optional.empty();
  }

  /**
   * Whether {@code file} can be read and holds a PEM block of {@code kind} (CERTIFICATE, or a
   * PRIVATE KEY of any algorithm); what it holds is never quoted.
   */
  private static Optional<String> pemProblem(
      String option, Path file, String kind, String what, String convert) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return Optional.of(option + " " + file + " does not exist; give the PEM file of " + what);
    } catch (IOException e) {
      return Optional.of(
          option
              + " "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName().replace("Exception", "")
              + "); give a PEM file of "
              + what
              + " that this user may read");
    }
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      return Optional.of(
          option
              + " "
              + file
              + " is encrypted; give the key unencrypted, readable only by the daemon's user"
              + " (openssl pkey -in KEY -out PLAIN; chmod 600 PLAIN)");
    }
    if (!Pattern.compile("-----BEGIN [A-Z ]*" + kind + "-----").matcher(text).find()) {
      return Optional.of(
          option
              + " "
              + file
              + " holds no PEM "
              + kind.toLowerCase(java.util.Locale.ROOT)
              + " ('-----BEGIN … "
              + kind
              + "-----'); give "
              + what
              + " in PEM ("
              + convert
              + ")");
    }
    return Optional.empty();
  }
}
