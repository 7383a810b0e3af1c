package dev.shiprun.runner.registry;

import dev.shiprun.model.integration.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real registry for tests: Debian's {@code docker-registry} on a free 127.0.0.1 port, with
 * htpasswd (bcrypt) authentication for one made-up user, its storage, configuration and log in a
 * folder the test owns. {@link #start} returns once {@code /v2/} answers 401; {@link #close} stops
 * the process and waits for it. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (TestRegistry registry = TestRegistry.start(temp)) {
 *   // push to "docker://" + registry.hostPort() + "/test/app:1" with registry.login()
 * }
 * }</pre>
 *
 * With {@link #startWithTls} it serves https with a self-signed certificate for 127.0.0.1, which
 * clients accept only when told to skip verification.
 */
public final class TestRegistry implements AutoCloseable {

  /** The one user the registry knows. */
  public static final String USERNAME = "shiprun-tester";

  /** That user's password: made up for tests. */
  public static final String PASSWORD = "made-up-registry-Passw0rd-4711";

  private static final Duration READY_LIMIT = Duration.ofSeconds(30);
  private static final Duration TOOL_LIMIT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final String scheme;
  private final int port;
  private final Path log;

  private TestRegistry(Process process, String scheme, int port, Path log) {
    this.process = process;
    this.scheme = scheme;
    this.port = port;
    this.log = log;
  }

  /** A registry over plain http, everything in {@code dir} (created when missing). */
  public static TestRegistry start(Path dir) throws IOException {
    return start(dir, false);
  }

  /** A registry over https with a self-signed certificate, everything in {@code dir}. */
  public static TestRegistry startWithTls(Path dir) throws IOException {
    return start(dir, true);
  }

  /** {@code 127.0.0.1:PORT}: its key in {@code auths}, and how image references start. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://…}: an integration's url field. */
  public String url() {
    return scheme + "://" + hostPort();
  }

  /** The login with the right password. */
  public RegistryLogin login() {
    return login(PASSWORD);
  }

  /** The registry's user with {@code password}, right or wrong. */
  public RegistryLogin login(String password) {
    return new RegistryLogin(url(), USERNAME, new Secret(password), "tester@example.com");
  }

  /** The registry's own output, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the registry (TERM, then KILL after 10 s) and waits until it is gone. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static TestRegistry start(Path dir, boolean tls) throws IOException {
    Path home = Files.createDirectories(dir).toAbsolutePath();
    Path htpasswd = home.resolve("htpasswd");
    Tool.check(home, TOOL_LIMIT, "htpasswd", "-Bbc", htpasswd.toString(), USERNAME, PASSWORD);
    if (tls) {
      Tool.check(
          home,
          TOOL_LIMIT,
          "openssl",
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-keyout",
          home.resolve("key.pem").toString(),
          "-out",
          home.resolve("cert.pem").toString());
    }
    // The port is free when asked, but another process may take it before the registry binds
    // it: then the registry exits at once, and a new port is tried.
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = freePort();
      Path config = Files.writeString(home.resolve("config.yml"), config(home, port, tls));
      Path log = home.resolve("registry.log");
      ProcessBuilder builder =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Only the config file speaks: REGISTRY_* variables of the caller would override it.
      builder.environment().clear();
      builder.environment().putAll(Tool.PATH);
      TestRegistry registry = new TestRegistry(builder.start(), tls ? "https" : "http", port, log);
      try {
        registry.awaitReady();
        return registry;
      } catch (IOException e) {
        registry.close();
        last = e;
      }
    }
    throw last;
  }

  private static String config(Path home, int port, boolean tls) {
    String certificate =
        tls
            ? """
                tls:
                  certificate: "%s"
                  key: "%s"
              """
                .formatted(home.resolve("cert.pem"), home.resolve("key.pem"))
            : "";
    return """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: "%s"
        http:
          addr: "127.0.0.1:%d"
          secret: made-up-http-secret-for-tests
        %sauth:
          htpasswd:
            realm: shiprun-test
            path: "%s"
        """
        .formatted(home.resolve("data"), port, certificate, home.resolve("htpasswd"));
  }

  /** A TCP port of 127.0.0.1 that was free when asked. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for docker-registry", e);
    }
  }

  /** Until {@code /v2/} answers 401, the process dies, or the limit passes. */
  private void awaitReady() throws IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .sslContext(TrustAll.context())
            .build();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(url() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry ended at start: " + log());
      }
      try {
        if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for docker-registry", e);
      }
      pause();
    }
    throw new IOException(
        "docker-registry did not answer 401 on /v2/ within "
            + READY_LIMIT.toSeconds()
            + " s: "
            + log());
  }
}
