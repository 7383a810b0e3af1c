package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shiprun.runner.shipctl.IrcServer;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * NOTIFY entries of on_start / on_success / on_failure / on_cancel are delivered through shipctl
 * notify to a webhook integration (a real HTTP server on a loopback port), and a failing delivery
 * never changes the job's status (spec §1.3.4).
 */
@QuarkusMainTest
class RunNotifyTest {

  private static final String LINE = "src/test/resources/fixtures/run/notify";
  private static final String TOKEN = "Bearer made-up-notify-token-4711";

  @TempDir Path temp;

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int answer = 200;

  private record Received(String authorization, JsonNode body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(
          new Received(
              exchange.getRequestHeaders().getFirst("Authorization"),
              new ObjectMapper().readTree(body)));
      byte[] reply = (answer == 200 ? "ok" : "server trouble").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    }
  }

  /** The integrations file: a webhook integration pointing at {@code port}. */
  private Path integrations(int port) throws IOException {
    Path file = temp.resolve("integrations-" + port + ".yml");
    Files.writeString(
        file,
        "integrations:\n"
            + "  - name: test-hook\n"
            + "    type: webhookV2\n"
            + "    webhookURL: http://127.0.0.1:"
            + port
            + "/hook\n"
            + "    authorization: "
            + TOKEN
            + "\n");
    return file;
  }

  private RunHarness.Summary run(RunHarness shiprun, int port, String... args) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(
            List.of("--job", "notified", "--integrations", integrations(port).toString()));
    all.addAll(List.of(args));
    return shiprun.run(LINE, all.toArray(String[]::new));
  }

  private int port() {
    return server.getAddress().getPort();
  }

  /** The text of each notification received, in order. */
  private List<String> texts() {
    return received.stream().map(r -> r.body().get("text").asText()).toList();
  }

  private static void assertNoSecret(RunHarness.Summary run, String log) {
    assertFalse(log.contains("made-up-notify-token"), log);
    assertFalse(run.describe().contains("made-up-notify-token"), run.describe());
  }

  @Test
  void anIrcResourceGetsANoticeInItsChannel(QuarkusMainLauncher launcher) throws Exception {
    try (ServerSocket irc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> lines =
          CompletableFuture.supplyAsync(() -> IrcServer.serve(irc));
      Path line = Files.createDirectories(temp.resolve("irc-line"));
      Files.writeString(
          line.resolve("shippable.yml"),
          """
          resources:
            - name: go
              type: params
              versionTemplate:
                params:
                  X: "1"
            - name: team-chat
              type: notification
              versionTemplate:
                method: irc
                recipients:
                  - "127.0.0.1:%d#builds"
          jobs:
            - name: chatty
              type: runSh
              steps:
                - IN: go
                - TASK:
                    script:
                      - echo hello
              on_success:
                NOTIFY: team-chat
          """
              .formatted(irc.getLocalPort()));
      RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));

      RunHarness.Summary run = shiprun.run(line.toString(), "--job", "chatty");

      assertEquals(0, run.exitCode(), run.describe());
      long id = run.runId("chatty");
      List<String> said = lines.get(30, TimeUnit.SECONDS);
      assertTrue(said.contains("JOIN #builds"), said.toString());
      assertTrue(
          said.contains(
              "NOTICE #builds :[chatty] on_success: build #1, run " + id + ", status success"),
          said.toString());
      assertTrue(shiprun.log(id).contains("NOTIFY team-chat (on_success) delivered"));
    }
  }

  @Test
  void aPassingJobNotifiesOnStartAndOnSuccess(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run = run(shiprun, port());
    assertEquals(0, run.exitCode(), run.describe());
    assertEquals("success", run.status("notified"));
    long id = run.runId("notified");
    assertEquals(
        List.of(
            "[notified] on_start: build #1, run " + id + ", status processing",
            "[notified] on_success: build #1, run " + id + ", status success"),
        texts());
    for (Received r : received) {
      assertEquals(TOKEN, r.authorization());
    }
    String log = shiprun.log(id);
    assertTrue(log.contains("NOTIFY team-hook (on_start) delivered"), log);
    assertTrue(log.contains("NOTIFY team-hook (on_success) delivered"), log);
    assertNoSecret(run, log);
  }

  @Test
  void aFailingJobNotifiesOnFailureAndSaysEmailCannotBeSent(QuarkusMainLauncher launcher)
      throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run = run(shiprun, port(), "--env", "MODE=fail");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("failure", run.status("notified"));
    List<String> texts = texts();
    assertEquals(2, texts.size(), texts.toString());
    assertTrue(texts.get(0).startsWith("[notified] on_start:"), texts.toString());
    assertTrue(texts.get(1).startsWith("[notified] on_failure:"), texts.toString());
    assertTrue(texts.get(1).endsWith("status failure"), texts.toString());
    String log = shiprun.log(run.runId("notified"));
    assertTrue(
        log.contains("NOTIFY team-mail (on_failure) not sent: shiprun cannot deliver email"), log);
    assertNoSecret(run, log);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTimedOutJobNotifiesOnCancel(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    RunHarness.Summary run =
        run(shiprun, port(), "--env", "MODE=hang", "--timeout", "3s", "--grace", "300ms");
    assertEquals(1, run.exitCode(), run.describe());
    assertEquals("timeout", run.status("notified"));
    List<String> texts = texts();
    assertEquals(2, texts.size(), texts.toString());
    assertTrue(texts.get(1).startsWith("[notified] on_cancel:"), texts.toString());
    assertTrue(texts.get(1).endsWith("status timeout"), texts.toString());
    assertNoSecret(run, shiprun.log(run.runId("notified")));
  }

  @Test
  void aFailingDeliveryLeavesTheStatusAlone(QuarkusMainLauncher launcher) throws Exception {
    RunHarness shiprun = new RunHarness(launcher, temp.resolve("home"));
    answer = 500;
    RunHarness.Summary refused = run(shiprun, port());
    assertEquals(0, refused.exitCode(), refused.describe());
    assertEquals("success", refused.status("notified"));
    assertEquals(2, received.size());
    String log = shiprun.log(refused.runId("notified"));
    assertTrue(log.contains("NOTIFY team-hook (on_success) not delivered: "), log);
    assertTrue(log.contains("HTTP 500"), log);
    assertNoSecret(refused, log);

    int down = port();
    server.stop(0);
    RunHarness.Summary unreachable = run(shiprun, down);
    assertEquals(0, unreachable.exitCode(), unreachable.describe());
    assertEquals("success", unreachable.status("notified"));
    log = shiprun.log(unreachable.runId("notified"));
    assertTrue(log.contains("NOTIFY team-hook (on_start) not delivered: "), log);
    assertTrue(log.contains("NOTIFY team-hook (on_success) not delivered: "), log);
    assertNoSecret(unreachable, log);
  }
}
