package dev.shiprun.runner.shipctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shipctl notify against real servers on loopback ports (made-up secrets only). */
class NotifyTest {

  static final String DEFAULT_TEXT = "[deploy] <http://shiprun.test/builds/7|Build#7>";

  @TempDir Path dir;
  JobFolder job;
  RecordingServer server;

  @BeforeEach
  void setUp() {
    job = JobFolder.runSh(dir, "deploy");
    server = RecordingServer.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private JobFolder.Dependency notification(String name, String version, String integration) {
    return job.in(name, "notification").version(version).integration(integration);
  }

  private void slack(String recipientsJson) {
    notification(
        "team-slack",
        "{\"version\": {\"propertyBag\": {\"recipients\": " + recipientsJson + "}}}",
        "{\"masterName\": \"slackKey\", \"webhookUrl\": \""
            + server.url("/services/T0/B0/made-up-slack-secret")
            + "\"}");
  }

  private void webhook() {
    notification(
        "hook",
        "{\"version\": {\"propertyBag\": {}}}",
        "{\"masterName\": \"webhookV2\", \"webhookURL\": \""
            + server.url("/hook")
            + "\", \"authorization\": \"Bearer made-up-token\"}");
  }

  private void jira() {
    notification(
        "tickets",
        "{\"version\": {\"propertyBag\": {}}}",
        "{\"masterName\": \"jira\", \"url\": \""
            + server.url("/rest/api/2")
            + "\", \"username\": \"ana\", \"token\": \"made-up-jira-token\"}");
  }

  @Test
  void slackPostsTheDefaultPayloadToTheWebhookUrl() {
    slack("[\"#builds\"]");

    Shipctl.Result result = job.shipctl("notify", "team-slack", "--pretext=deployed");

    assertEquals(0, result.exitCode(), result::toString);
    RecordingServer.Request request = server.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/services/T0/B0/made-up-slack-secret", request.path());
    assertEquals("application/json", request.header("content-type"));
    JsonNode body = request.json();
    assertEquals("Shippable", body.get("username").asText());
    assertEquals("#builds", body.get("channel").asText());
    JsonNode attachment = body.get("attachments").get(0);
    assertEquals("deployed", attachment.get("pretext").asText());
    assertEquals(DEFAULT_TEXT, attachment.get("text").asText());
    assertEquals("#65cea7", attachment.get("color").asText());
    assertTrue(result.stdout().contains("sending notification to \"#builds\""), result::toString);
  }

  @Test
  void slackSendsOneMessagePerRecipientOfTheResource() {
    slack("[\"#builds\", \"@ana\"]");

    job.shipctl("notify", "team-slack");

    List<String> channels = new ArrayList<>();
    server.requests().forEach(r -> channels.add(r.json().get("channel").asText()));
    assertEquals(List.of("#builds", "@ana"), channels);
  }

  @Test
  void recipientOptionReplacesTheResourceRecipients() {
    slack("[\"#builds\", \"@ana\"]");

    job.shipctl("notify", "team-slack", "--recipient=#releases");

    assertEquals(1, server.requests().size());
    assertEquals("#releases", server.requests().get(0).json().get("channel").asText());
  }

  @Test
  void recipientsComeFromPointerVariablesWhenTheVersionHasNone() {
    notification(
        "team-slack",
        "{\"version\": {\"propertyBag\": {}}}",
        "{\"masterName\": \"slackKey\", \"webhookUrl\": \"" + server.url("/s") + "\"}");
    job.set("TEAMSLACK_POINTER_RECIPIENTS_0", "#a").set("TEAMSLACK_POINTER_RECIPIENTS_1", "#b");

    job.shipctl("notify", "team-slack");

    assertEquals(2, server.requests().size());
    assertEquals("#b", server.requests().get(1).json().get("channel").asText());
  }

  @Test
  void optionsDefaultFromNotifyVariablesAndTheCommandLineWins() {
    slack("[]");
    job.set("NOTIFY_TEXT", "from the environment").set("NOTIFY_COLOR", "#000000");

    job.shipctl("notify", "team-slack", "--color=#ffffff");

    JsonNode attachment = server.requests().get(0).json().get("attachments").get(0);
    assertEquals("from the environment", attachment.get("text").asText());
    assertEquals("#ffffff", attachment.get("color").asText());
    assertFalse(server.requests().get(0).json().has("channel"), "no recipient, no channel");
  }

  @Test
  void textWithQuotesBackslashesAndNewlinesArrivesAsWritten() {
    slack("[]");
    String text = "say \"hi\" \\ $HOME `id`\nsecond line";

    Shipctl.Result result = job.shipctl("notify", "team-slack", "--text=" + text);

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode attachment = server.requests().get(0).json().get("attachments").get(0);
    assertEquals(text, attachment.get("text").asText());
  }

  @Test
  void webhookSendsTheAuthorizationHeaderAndTheDefaultPayload() {
    webhook();

    Shipctl.Result result = job.shipctl("notify", "hook", "--recipient=ops");

    assertEquals(0, result.exitCode(), result::toString);
    RecordingServer.Request request = server.requests().get(0);
    assertEquals("/hook", request.path());
    assertEquals("Bearer made-up-token", request.header("authorization"));
    JsonNode body = request.json();
    assertEquals(DEFAULT_TEXT, body.get("text").asText());
    assertEquals("ops", body.get("recipient").asText());
    assertEquals("Shippable", body.get("username").asText());
  }

  @Test
  void secretsNeverReachTheOutput() {
    webhook();
    slack("[\"#builds\"]");

    Shipctl.Result hook = job.shipctl("notify", "hook");
    Shipctl.Result team = job.shipctl("notify", "team-slack");

    for (Shipctl.Result result : List.of(hook, team)) {
      assertEquals(0, result.exitCode(), result::toString);
      assertFalse(result.toString().contains("made-up"), result::toString);
    }
  }

  @Test
  void payloadFileGoesThroughReplaceAndTheUsersFileStaysAsItWas() {
    webhook();
    String template = "{\"text\": \"${opt_text}\", \"build\": \"$BUILD_NUMBER\"}";
    Path payload = JobFolder.write(dir.resolve("payload.json"), template);

    Shipctl.Result result =
        job.shipctl("notify", "hook", "--payload=" + payload, "--text=released 2.0");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode body = server.requests().get(0).json();
    assertEquals("released 2.0", body.get("text").asText());
    assertEquals("7", body.get("build").asText());
    assertEquals(template, JobFolder.content(payload));
  }

  @Test
  void invalidPayloadExits99AndSendsNothing() {
    webhook();
    Path payload = JobFolder.write(dir.resolve("payload.json"), "{\"text\": oops}");

    Shipctl.Result result = job.shipctl("notify", "hook", "--payload=" + payload);

    result.assertFailed(99, "Error: payload is not valid JSON\n");
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void httpErrorFailsTheCommand() {
    webhook();
    server.answer("/hook", 500, "down for maintenance");

    Shipctl.Result result = job.shipctl("notify", "hook");

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.stderr().contains("answered HTTP 500"), result::toString);
    assertTrue(result.stderr().contains("down for maintenance"), result::toString);
  }

  @Test
  void unknownOptionIsReportedAndTheMessageStillSent() {
    slack("[]");

    Shipctl.Result result = job.shipctl("notify", "team-slack", "--colour=red", "--text=hi");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("Warning: unrecognized option \"--colour\"\n", result.stderr());
    assertEquals(1, server.requests().size());
  }

  @Test
  void onlyNotificationResourcesCanNotify() {
    job.in("app-img", "image");

    Shipctl.Result result = job.shipctl("notify", "app-img");

    result.assertFailed(99, "Error: resource app-img is not of type 'notification'\n");
  }

  @Test
  void emailIsNotSupportedYet() {
    job.in("mail", "notification")
        .version("{\"propertyBag\": {\"yml\": {\"pointer\": {\"method\": \"email\"}}}}");

    Shipctl.Result result = job.shipctl("notify", "mail");

    assertEquals(99, result.exitCode());
    assertTrue(result.stderr().contains("not supported by shiprun yet"), result::toString);
  }

  @Test
  void newRelicRecordsADeploymentOfTheNamedApplication() {
    server
        .answer("/v2/applications.json", 200, "{\"applications\": [{\"id\": 42}]}")
        .answer("/v2/applications/42/deployments.json", 201, "{\"deployment\": {\"id\": 9}}");
    notification(
        "nr",
        "{\"version\": {\"propertyBag\": {}}}",
        "{\"masterName\": \"newRelicKey\", \"url\": \""
            + server.url("/v2")
            + "\", \"token\": \"made-up-nr-key\"}");

    Shipctl.Result result =
        job.shipctl(
            "notify",
            "nr",
            "--appName=shop",
            "--type=deployment",
            "--revision=3f2a9c1",
            "--description=rollout");

    assertEquals(0, result.exitCode(), result::toString);
    RecordingServer.Request lookup = server.requests().get(0);
    assertEquals("GET", lookup.method());
    assertTrue(lookup.query().contains("name%5D=shop") || lookup.query().contains("name]=shop"));
    RecordingServer.Request deployment = server.requests().get(1);
    assertEquals("made-up-nr-key", deployment.header("X-Api-Key"));
    JsonNode body = deployment.json().get("deployment");
    assertEquals("3f2a9c1", body.get("revision").asText());
    assertEquals("rollout", body.get("description").asText());
    assertTrue(result.stdout().endsWith("Deployment Id: 9\n"), result::toString);
  }

  @Test
  void airbrakeRecordsADeployOfTheProject() {
    notification(
        "ab",
        "{\"version\": {\"propertyBag\": {\"recipients\": [\"77\"]}}}",
        "{\"masterName\": \"airBrakeKey\", \"url\": \""
            + server.url("/api/v4/")
            + "\", \"token\": \"made-up-ab-key\"}");

    Shipctl.Result result =
        job.shipctl("notify", "ab", "--type=deploy", "--environment=prod", "--revision=3f2a9c1");

    assertEquals(0, result.exitCode(), result::toString);
    RecordingServer.Request request = server.requests().get(0);
    assertEquals("/api/v4/projects/77/deploys", request.path());
    assertEquals("key=made-up-ab-key", request.query());
    assertEquals("prod", request.json().get("environment").asText());
    assertEquals("3f2a9c1", request.json().get("revision").asText());
  }

  @Test
  void jiraCreatesAnIssueAndAttachesTheFile() {
    server.answer("/rest/api/2/issue", 201, "{\"key\": \"OPS-12\"}");
    jira();
    Path report = JobFolder.write(dir.resolve("report.txt"), "all green");

    Shipctl.Result result =
        job.shipctl(
            "notify",
            "tickets",
            "--project-id=OPS",
            "--type=Task",
            "--summary=Deploy 2.0",
            "--attach-file=" + report);

    assertEquals(0, result.exitCode(), result::toString);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("ana:made-up-jira-token".getBytes(StandardCharsets.UTF_8));
    RecordingServer.Request issue = server.requests().get(0);
    assertEquals(basic, issue.header("Authorization"));
    assertEquals("OPS", issue.json().at("/fields/project/key").asText());
    assertEquals("Task", issue.json().at("/fields/issuetype/name").asText());
    assertEquals("Deploy 2.0", issue.json().at("/fields/summary").asText());
    RecordingServer.Request attachment = server.requests().get(1);
    assertEquals("/rest/api/2/issue/OPS-12/attachments", attachment.path());
    assertEquals("nocheck", attachment.header("X-Atlassian-Token"));
    assertTrue(attachment.body().contains("filename=\"report.txt\""), attachment::body);
    assertTrue(attachment.body().contains("all green"));
  }

  @Test
  void jiraChecksTheAttachmentBeforeCreatingTheIssue() {
    jira();

    Shipctl.Result result =
        job.shipctl(
            "notify",
            "tickets",
            "--project-id=OPS",
            "--type=Task",
            "--summary=x",
            "--attach-file=missing.txt");

    assertEquals(99, result.exitCode());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void ircJoinsTheChannelAndSendsTheTextAsNotices() throws Exception {
    try (ServerSocket irc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<List<String>> received =
          CompletableFuture.supplyAsync(() -> IrcServer.serve(irc));
      job.in("chat", "notification")
          .version(
              "{\"version\": {\"propertyBag\": {\"method\": \"irc\", \"recipients\": [\"127.0.0.1:"
                  + irc.getLocalPort()
                  + "#builds\"]}}}");

      Shipctl.Result result = job.shipctl("notify", "chat", "--text=deployed\nall green");

      assertEquals(0, result.exitCode(), result::toString);
      assertEquals(
          List.of(
              "NICK Shippable-7",
              "USER Shippable-7 0 * :Shippable-7",
              "JOIN #builds",
              "NOTICE #builds :deployed",
              "NOTICE #builds :all green",
              "QUIT"),
          received.get(30, TimeUnit.SECONDS));
    }
  }
}
