package dev.shiprun.runner.ci.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.ci.CiText;
import dev.shiprun.runner.ci.SeamContext;
import dev.shiprun.runner.shipctl.IrcServer;
import dev.shiprun.runner.shipctl.RecordingServer;
import dev.shiprun.spi.BodyOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through shiprun's own notifier plugins (found as the build finds them) and the real
 * shipctl, to a real HTTP server on a loopback port; made-up secrets only.
 */
class BuildNotificationsTest {

  @TempDir Path dir;
  RecordingServer server;
  SeamContext context;
  BuildNotifications notifications = new BuildNotifications();

  @BeforeEach
  void setUp() throws IOException {
    server = RecordingServer.start();
    Path bin = Files.createDirectories(dir.resolve("bin"));
    try (InputStream script = getClass().getResourceAsStream("/shipctl/shipctl")) {
      Files.copy(script, bin.resolve("shipctl"));
    }
    Files.setPosixFilePermissions(
        bin.resolve("shipctl"), PosixFilePermissions.fromString("rwx------"));
    context =
        new SeamContext(dir.resolve("job"))
            .variable("PATH", bin + ":/usr/local/bin:/usr/bin:/bin")
            .integration(
                new Integration(
                    "team-hook",
                    IntegrationTypes.builtIn().find("webhookV2").orElseThrow(),
                    Map.of(
                        "webhookURL", new FieldValue.Hidden(new Secret(server.url("/hook"))),
                        "authorization", new FieldValue.Hidden(new Secret("Bearer made-up-token"))),
                    SourceLocation.ofFile("integrations.yml")));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private static BodyOutcome outcome(BodyOutcome.Ending ending) {
    return new BodyOutcome(ending, Optional.empty(), Map.of());
  }

  private static CiConfig hook(String options) {
    return CiText.read(
        "integrations:\n  notifications:\n    - integrationName: team-hook\n      type: webhook\n"
            + options);
  }

  @Test
  void aFailedBuildPostsItsStatusToTheWebhook() {
    notifications.ended(context, hook(""), "master", outcome(BodyOutcome.Ending.FAILURE));

    assertEquals(1, server.requests().size());
    RecordingServer.Request request = server.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/hook", request.path());
    assertEquals("Bearer made-up-token", request.header("authorization"));
    assertEquals(
        "[app_runCI] on_failure: build #12, run 34, status failure, branch master",
        request.json().get("text").asText());
    assertEquals(List.of("NOTIFY team-hook (on_failure) delivered"), context.said());
  }

  @Test
  void changeSendsOnlyWhenTheBranchsLastStatusWasAnother() {
    CiConfig config = hook("      on_success: change\n");

    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.SUCCESS));
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.SUCCESS));
    notifications.ended(context, config, "dev", outcome(BodyOutcome.Ending.SUCCESS));
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.FAILURE));
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.SUCCESS));

    assertEquals(
        List.of(
            "[app_runCI] on_success: build #12, run 34, status success, branch master",
            "[app_runCI] on_success: build #12, run 34, status success, branch dev",
            "[app_runCI] on_failure: build #12, run 34, status failure, branch master",
            "[app_runCI] on_success: build #12, run 34, status success, branch master"),
        server.requests().stream().map(r -> r.json().get("text").asText()).toList());
  }

  @Test
  void onStartGoesOutOnlyWhenAskedAndNeverSkipsTheEvent() {
    notifications.started(context, hook(""), "master");
    assertEquals(0, server.requests().size(), "no on_start unless asked");

    CiConfig config = hook("      on_start: always\n      on_cancel: never\n");
    notifications.started(context, config, "master");
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.CANCELLED));

    assertEquals(1, server.requests().size());
    assertEquals(
        "[app_runCI] on_start: build #12, run 34, status processing, branch master",
        server.requests().get(0).json().get("text").asText());
  }

  @Test
  void anEntryWhoseBranchesDoNotMatchIsNotSent() {
    notifications.ended(
        context,
        hook("      branches:\n        only: [master]\n"),
        "dev",
        outcome(BodyOutcome.Ending.FAILURE));

    assertEquals(0, server.requests().size());
    assertEquals(List.of(), context.said());
  }

  @Test
  void emailIsSentOnSuccessOnlyWhenTheStatusChangedByDefaultAndSaysItCannotBeSentHere() {
    CiConfig config =
        CiText.read(
            "integrations:\n  notifications:\n    - integrationName: email\n      type: email\n"
                + "      recipients: [ana@example.test]\n");

    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.SUCCESS));
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.SUCCESS));
    notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.TIMEOUT));

    List<String> said = context.said();
    assertEquals(2, said.size(), said::toString);
    assertTrue(said.get(0).startsWith("NOTIFY email (on_success) not sent: "), said::toString);
    assertTrue(said.get(1).startsWith("NOTIFY email (on_failure) not sent: "), said::toString);
  }

  @Test
  void anEntryNamingNoIntegrationIsOneLine() {
    notifications.ended(
        context,
        CiText.read("integrations:\n  notifications:\n    - integrationName: nobody\n"),
        "master",
        outcome(BodyOutcome.Ending.FAILURE));

    assertEquals(
        List.of(
            "NOTIFY nobody (on_failure) not sent: no integration named 'nobody'; add it with"
                + " 'shiprun integration add', or write type: email or irc"),
        context.said());
  }

  @Test
  void ircNeedsNoIntegrationAndSendsToItsRecipientsChannel() throws Exception {
    try (ServerSocket irc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> received =
          CompletableFuture.supplyAsync(() -> IrcServer.serve(irc));
      CiConfig config =
          CiText.read(
              "integrations:\n  notifications:\n    - integrationName: chat\n      type: irc\n"
                  + "      recipients: ['127.0.0.1:"
                  + irc.getLocalPort()
                  + "#builds']\n");

      notifications.ended(context, config, "master", outcome(BodyOutcome.Ending.TIMEOUT));

      assertEquals(List.of("NOTIFY chat (on_failure) delivered"), context.said());
      assertTrue(
          received
              .get(30, TimeUnit.SECONDS)
              .contains(
                  "NOTICE #builds :[app_runCI] on_failure: build #12, run 34, status timeout,"
                      + " branch master"));
    }
  }
}
