package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.tls.SelfSigned;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shiprun daemon} of the packaged jar over HTTPS, for real: a self-signed certificate made
 * by openssl, curl with {@code --cacert} (the token still asked for), plain HTTP to the port
 * refused, the certificate replaced on disk and after SIGHUP (served from the next connection), and
 * plain HTTP on 0.0.0.0 refused at start unless {@code --insecure-http} says so.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DaemonTlsIT {

  private static final String TOKEN = "made-up-token-for-the-tls-test";

  @TempDir Path temp;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopDaemons() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void servesHttpsWithTheCertificateAndStillAsksForTheToken() throws Exception {
    Pair pair = certificate("first");
    int port = freePort();
    Path err = temp.resolve("daemon.err");
    Process daemon =
        start(
            err,
            Map.of(),
            "--port",
            Integer.toString(port),
            "--tls-cert",
            pair.cert().toString(),
            "--tls-key",
            pair.key().toString());
    awaitReady(daemon, err, port, pair.cert());
    assertTrue(
        Files.readString(err).contains("listening on https://127.0.0.1:" + port),
        Files.readString(err));

    Curl noToken = curl("--cacert", pair.cert().toString(), https(port, "/api/version"));
    assertEquals("401", noToken.status(), noToken.toString());
    Curl withToken =
        curl(
            "--cacert",
            pair.cert().toString(),
            "-H",
            "Authorization: Bearer " + TOKEN,
            https(port, "/api/version"));
    assertEquals("200", withToken.status(), withToken.toString());
    assertTrue(withToken.body().contains("\"version\""), withToken.toString());

    Curl signIn =
        curl(
            "--cacert",
            pair.cert().toString(),
            "-i",
            "-H",
            "Content-Type: application/json",
            "-d",
            "{\"token\":\"" + TOKEN + "\"}",
            https(port, "/api/session"));
    assertEquals("200", signIn.status(), signIn.toString());
    assertTrue(
        signIn
            .body()
            .matches(
                "(?is).*\r\nset-cookie: shiprun_session=[^;\r]+; HttpOnly; SameSite=Strict;"
                    + " Secure\r\n.*"),
        "over TLS the session cookie is Secure: " + signIn);

    Curl untrusted = curl(https(port, "/q/health/ready"));
    assertNotEquals(0, untrusted.exit(), "curl trusts no self-signed certificate by itself");
    Curl plain = curl("http://127.0.0.1:" + port + "/q/health/ready");
    assertNotEquals(0, plain.exit(), "no plain HTTP on the TLS port: " + plain);
    assertFalse(plain.body().contains("UP"), plain.toString());
    assertFalse(Files.readString(err).contains(TOKEN), "the token is never printed");
  }

  @Test
  void theCertificateIsReadAgainWhenItChangesAndOnSighup() throws Exception {
    Path cert = temp.resolve("tls.crt");
    Path key = temp.resolve("tls.key");
    Pair first = certificate("first");
    install(first, cert, key);
    int port = freePort();
    Path err = temp.resolve("daemon.err");
    Process daemon =
        start(
            err,
            Map.of("SHIPRUN_TLS_CERT", cert.toString(), "SHIPRUN_TLS_KEY", key.toString()),
            "--port",
            Integer.toString(port));
    awaitReady(daemon, err, port, cert);
    assertArrayEquals(encoded(first.cert()), served(port), "the certificate of the environment");

    // A change on disk: served from a new connection soon after, no signal needed.
    Pair second = certificate("second");
    install(second, cert, key);
    await(
        () -> java.util.Arrays.equals(encoded(second.cert()), served(port)),
        "the changed certificate to be served",
        daemon,
        err);
    await(
        () -> log(err).contains("tls: the files changed: reloaded the certificate " + cert),
        "the daemon log to say so",
        daemon,
        err);
    assertEquals(
        "200", curl("--cacert", second.cert().toString(), https(port, "/q/health/ready")).status());

    // SIGHUP reloads at once and does not end the daemon (the JVM's default for HUP).
    Pair third = certificate("third");
    install(third, cert, key);
    signal(daemon, "HUP");
    await(
        () -> java.util.Arrays.equals(encoded(third.cert()), served(port)),
        "the certificate to be served after SIGHUP",
        daemon,
        err);
    await(
        () -> log(err).contains("tls: SIGHUP: reloaded the certificate " + cert),
        "the daemon log to name the SIGHUP reload",
        daemon,
        err);
    assertTrue(daemon.isAlive(), log(err));
    Curl withToken =
        curl(
            "--cacert",
            third.cert().toString(),
            "-H",
            "Authorization: Bearer " + TOKEN,
            https(port, "/api/version"));
    assertEquals("200", withToken.status(), withToken.toString());

    // Files that cannot be used: the daemon says so and keeps serving the last good pair.
    Files.writeString(key, "not a key\n");
    signal(daemon, "HUP");
    await(
        () -> log(err).contains("tls: SIGHUP: the certificate " + cert),
        "the daemon log to refuse the broken key",
        daemon,
        err);
    assertArrayEquals(encoded(third.cert()), served(port), "the last good pair stays");
    assertFalse(log(err).contains("not a key"), "a file's content is never logged");
  }

  @Test
  void plainHttpBeyondLoopbackIsRefusedAtStartUnlessAskedFor() throws Exception {
    int port = freePort();
    Path err = temp.resolve("refused.err");
    Process refused = start(err, Map.of(), "--port", Integer.toString(port), "--bind", "0.0.0.0");
    assertTrue(refused.waitFor(60, TimeUnit.SECONDS), "it ends at once");
    assertEquals(2, refused.exitValue(), log(err));
    String text = log(err);
    assertTrue(
        text.startsWith(
            "shiprun daemon: --bind 0.0.0.0 would serve the API beyond this machine over plain"
                + " HTTP"),
        text);
    assertTrue(text.contains("give --tls-cert FILE --tls-key FILE"), text);
    assertTrue(text.contains("--insecure-http"), text);
    assertFalse(text.contains("listening"), text);
    assertFalse(listens(port), "nothing listened on " + port);

    Path insecureErr = temp.resolve("insecure.err");
    Process insecure =
        start(
            insecureErr,
            Map.of(),
            "--port",
            Integer.toString(port),
            "--bind",
            "0.0.0.0",
            "--insecure-http");
    await(
        () -> "200".equals(curl("http://127.0.0.1:" + port + "/q/health/ready").status()),
        "plain HTTP once asked for",
        insecure,
        insecureErr);
    assertTrue(
        log(insecureErr)
            .contains(
                "shiprun daemon: warning: plain HTTP on 0.0.0.0 (--insecure-http): the API token"
                    + " and every log cross the network in the clear"),
        log(insecureErr));
  }

  // --- the daemon

  private Process start(Path err, Map<String, String> env, String... args) throws IOException {
    List<String> command =
        Processes.shiprun("daemon", "--home", temp.resolve("home-" + err.getFileName()).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve(err.getFileName() + ".out").toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SHIPRUN_TLS_CERT");
    builder.environment().remove("SHIPRUN_TLS_KEY");
    builder.environment().put("SHIPRUN_API_TOKEN", TOKEN);
    builder.environment().putAll(env);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private void awaitReady(Process daemon, Path err, int port, Path cert) throws Exception {
    await(
        () ->
            "200"
                .equals(curl("--cacert", cert.toString(), https(port, "/q/health/ready")).status()),
        "the daemon to be ready over HTTPS",
        daemon,
        err);
  }

  private static void signal(Process process, String signal) throws Exception {
    assertEquals(
        0,
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
  }

  private static String log(Path err) {
    try {
      return Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Until {@code condition} holds (looked at every 100 ms), the daemon ends, or 90 s pass. */
  private static void await(BooleanSupplier condition, String what, Process daemon, Path err)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!condition.getAsBoolean()) {
      assertTrue(daemon.isAlive(), "the daemon ended while waiting for " + what + ": " + log(err));
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what + ": " + log(err));
      Thread.sleep(100);
    }
  }

  // --- certificates, made by openssl

  private record Pair(Path cert, Path key) {}

  /** A new self-signed certificate for 127.0.0.1 and localhost, and its key. */
  private Pair certificate(String name) throws Exception {
    Path cert = temp.resolve(name + ".crt");
    Path key = temp.resolve(name + ".key");
    SelfSigned.make(name, cert, key);
    return new Pair(cert, key);
  }

  /** The pair's files copied over {@code cert} and {@code key}, the key first. */
  private static void install(Pair pair, Path cert, Path key) throws IOException {
    Files.copy(pair.key(), key, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pair.cert(), cert, StandardCopyOption.REPLACE_EXISTING);
  }

  private static byte[] encoded(Path pem) {
    try (var in = new ByteArrayInputStream(Files.readAllBytes(pem))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
    } catch (Exception e) {
      throw new AssertionError("cannot read " + pem, e);
    }
  }

  /** The certificate the daemon presents on a new connection (nothing checked: only looked at). */
  private static byte[] served(int port) {
    try {
      X509Certificate[][] seen = new X509Certificate[1][];
      TrustManager looker =
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
              seen[0] = chain;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          };
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {looker}, new SecureRandom());
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        Certificate leaf = socket.getSession().getPeerCertificates()[0];
        return leaf.getEncoded();
      }
    } catch (Exception e) {
      return new byte[0];
    }
  }

  // --- curl

  private record Curl(int exit, String status, String body) {}

  private static String https(int port, String path) {
    return "https://127.0.0.1:" + port + path;
  }

  /** curl with the given arguments; the status code and body, or the exit code on failure. */
  private Curl curl(String... args) {
    try {
      List<String> command =
          new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "-w", "\n%{http_code}"));
      command.addAll(List.of(args));
      Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = curl.waitFor();
      int last = out.lastIndexOf('\n');
      return exit == 0 && last >= 0
          ? new Curl(0, out.substring(last + 1).strip(), out.substring(0, last))
          : new Curl(exit, "", out);
    } catch (IOException e) {
      return new Curl(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Curl(-1, "", e.toString());
    }
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (IOException other) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
