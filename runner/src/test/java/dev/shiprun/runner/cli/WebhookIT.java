package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.Poll;
import dev.shiprun.runner.git.TestRepository;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provider webhooks against {@code shiprun daemon} of the packaged jar, over real HTTP: the line's
 * secret is a webhookSecret integration of the home named by {@code --webhook-secret}; a signed
 * GitHub push makes a version of the line's gitRepo (a real local repository) and runs the job that
 * reads it; what does not verify, a replay, a branch the gitRepo does not follow and an oversized
 * body make nothing; GitLab's token and Bitbucket's signature are checked the same way.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WebhookIT {

  private static final String SECRET = "made-up-webhook-secret";
  private static final String TOKEN = "made-up-api-token-for-webhooks";
  private static final String LINE = "app";
  private static final String MARKER = "made-up-commit-message-marker";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private DaemonProcess daemon;
  private TestRepository repo;
  private int port;

  @BeforeEach
  void start() throws Exception {
    Path home = temp.resolve("home");
    Process add =
        new ProcessBuilder(
                Processes.shiprun(
                    "integration",
                    "add",
                    "app-hook",
                    "--type",
                    "webhookSecret",
                    "--password-stdin",
                    "--home",
                    home.toString()))
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = add.getOutputStream()) {
      in.write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String added = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(add.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, add.exitValue(), added);

    repo = TestRepository.create(temp.resolve("repo"), "README.md", "hello\n");
    port = DaemonProcess.freePort();
    daemon =
        DaemonProcess.start(
            home,
            port,
            Map.of("SHIPRUN_API_TOKEN", TOKEN),
            temp,
            "daemon",
            List.of("--webhook-secret", LINE + "=app-hook"));
    daemon.awaitReady();
    assertFalse(daemon.err().contains("warning"), daemon.err());
    String yaml =
        """
        resources:
          - name: app-repo
            type: gitRepo
            versionTemplate:
              sourceName: acme/app
              sourceUrl: %s
              branches:
                only: [main]
        jobs:
          - name: build
            type: runSh
            steps:
              - IN: app-repo
              - TASK:
                  script:
                    - 'echo "built $APPREPO_COMMIT on $APPREPO_BRANCH"'
                    - 'cat "$APPREPO_STATE/README.md"'
        """
            .formatted(repo.bare());
    HttpResponse<String> put =
        daemon.send(
            "PUT",
            "/api/lines/" + LINE,
            "application/json",
            JSON.writeValueAsString(Map.of("files", Map.of("shippable.yml", yaml))));
    assertTrue(put.statusCode() / 100 == 2, put.body());
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null && daemon.process().isAlive()) {
      daemon.terminate();
    }
  }

  @Test
  void aSignedGitHubPushMakesAVersionAndRunsTheJobThatReadsIt() throws Exception {
    String before = repo.head();
    String after = repo.commit("README.md", "pushed\n", MARKER);
    String body = gitHubPush("refs/heads/main", before, after);

    HttpResponse<String> pushed = post("github", body, gitHub(hmac(body), "delivery-1", "push"));
    assertEquals(202, pushed.statusCode(), pushed.body());
    JsonNode reply = JSON.readTree(pushed.body());
    assertEquals(after, reply.at("/versions/0/versionName").asText(), pushed.body());
    JsonNode shaData = reply.at("/versions/0/propertyBag/shaData");
    assertEquals("main", shaData.get("branchName").asText());
    assertEquals(before, shaData.get("beforeCommitSha").asText());
    assertEquals(MARKER, shaData.get("commitMessage").asText());
    assertEquals("octocat", shaData.at("/committer/login").asText());
    assertEquals("acme/app", reply.at("/versions/0/propertyBag/repositoryFullName").asText());
    assertEquals(
        "https://github.com/acme/app.git",
        reply.at("/versions/0/propertyBag/repositoryUrl").asText());
    assertEquals("build", reply.at("/runs/0/job").asText(), pushed.body());
    assertEquals("app-repo", reply.at("/runs/0/triggeredBy").asText());
    long run = reply.at("/runs/0/id").asLong();
    assertEquals("success", awaitEnd(run));
    HttpResponse<String> log = daemon.send("GET", "/api/runs/" + run + "/log", null, null);
    assertTrue(log.body().contains("built " + after + " on main"), log.body());
    assertTrue(log.body().contains("pushed"), "the job has the pushed commit: " + log.body());

    // The same delivery again: nothing new.
    HttpResponse<String> replay = post("github", body, gitHub(hmac(body), "delivery-1", "push"));
    assertEquals(200, replay.statusCode(), replay.body());
    assertEquals("already seen", JSON.readTree(replay.body()).get("status").asText());
    assertEquals(1, versions().size());
    assertEquals(1, daemon.runs(LINE).size());
  }

  @Test
  void whatDoesNotVerifyIsRefusedAndLoggedWithoutTheBody() throws Exception {
    String after = repo.commit("README.md", "unsigned\n", MARKER);
    String body = gitHubPush("refs/heads/main", repo.head(), after);

    HttpResponse<String> wrong =
        post("github", body, gitHub(hmac(body).replace('a', 'b') + "0", "delivery-2", "push"));
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertEquals("application/problem+json", wrong.headers().firstValue("content-type").orElse(""));
    HttpResponse<String> missing = post("github", body, Map.of("X-GitHub-Event", "push"));
    assertEquals(401, missing.statusCode());
    // The API token is no way around the secret.
    Map<String, String> withToken = new LinkedHashMap<>(gitHub("sha256=00", "delivery-3", "push"));
    withToken.put("Authorization", "Bearer " + TOKEN);
    assertEquals(401, post("github", body, withToken).statusCode());
    for (HttpResponse<String> r : List.of(wrong, missing)) {
      assertFalse(r.body().contains(SECRET) || r.body().contains(MARKER), r.body());
    }
    // A line the daemon has no secret for is refused the same way.
    assertEquals(
        401, postTo("github", "other", body, gitHub(hmac(body), "d-4", "push")).statusCode());

    assertEquals(0, versions().size());
    assertEquals(0, daemon.runs(LINE).size());
    String err = daemon.err();
    assertTrue(
        err.contains("github webhook of line app, delivery delivery-2: signature did not verify"),
        err);
    assertFalse(err.contains(MARKER) || err.contains(SECRET), err);

    // A branch the gitRepo does not follow, another event, a ping, an oversized body.
    String feature = gitHubPush("refs/heads/feature", repo.head(), after);
    HttpResponse<String> ignored =
        post("github", feature, gitHub(hmac(feature), "delivery-5", "push"));
    assertEquals(202, ignored.statusCode());
    assertTrue(
        JSON.readTree(ignored.body())
            .get("status")
            .asText()
            .startsWith("ignored: branch feature is not built"),
        ignored.body());
    String issue = "{\"action\":\"opened\"}";
    HttpResponse<String> other = post("github", issue, gitHub(hmac(issue), "delivery-6", "issues"));
    assertEquals(202, other.statusCode());
    assertTrue(other.body().contains("ignored: GitHub event 'issues' is not a push"), other.body());
    String zen = "{\"zen\":\"Keep it logically awesome.\"}";
    assertEquals(200, post("github", zen, gitHub(hmac(zen), "delivery-7", "ping")).statusCode());
    String big = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
    HttpResponse<String> large = post("github", big, gitHub(hmac(big), "delivery-8", "push"));
    assertEquals(413, large.statusCode(), large.body());

    assertEquals(0, versions().size());
    assertEquals(0, daemon.runs(LINE).size());
  }

  @Test
  void gitLabTokenAndBitbucketSignatureAreChecked() throws Exception {
    String before = repo.head();
    String after = repo.commit("README.md", "from gitlab\n", MARKER);
    String gitlab =
        """
        {"object_kind":"push","before":"%s","after":"%s","ref":"refs/heads/main",
         "checkout_sha":"%s","user_name":"Jane","user_username":"jane",
         "user_email":"jane@example.com",
         "project":{"path_with_namespace":"acme/app",
          "git_http_url":"https://gitlab.example.com/acme/app.git","default_branch":"main"},
         "commits":[{"id":"%s","message":"%s","author":{"name":"Jane","email":"jane@example.com"}}]}
        """
            .formatted(before, after, after, after, MARKER);
    Map<String, String> wrongToken =
        Map.of(
            "X-Gitlab-Event", "Push Hook",
            "X-Gitlab-Token", "made-up-wrong-secret",
            "X-Gitlab-Event-UUID", "gl-1");
    assertEquals(401, post("gitlab", gitlab, wrongToken).statusCode());
    assertEquals(0, versions().size());
    Map<String, String> rightToken =
        Map.of(
            "X-Gitlab-Event", "Push Hook",
            "X-Gitlab-Token", SECRET,
            "X-Gitlab-Event-UUID", "gl-2");
    HttpResponse<String> fromGitLab = post("gitlab", gitlab, rightToken);
    assertEquals(202, fromGitLab.statusCode(), fromGitLab.body());
    JsonNode reply = JSON.readTree(fromGitLab.body());
    assertEquals(after, reply.at("/versions/0/versionName").asText());
    assertEquals("success", awaitEnd(reply.at("/runs/0/id").asLong()));

    String next = repo.commit("README.md", "from bitbucket\n", MARKER);
    String bitbucket =
        """
        {"repository":{"full_name":"acme/app","links":{"html":{"href":"https://bitbucket.org/acme/app"}}},
         "push":{"changes":[{"new":{"type":"branch","name":"main","target":{"hash":"%s",
           "message":"%s","author":{"raw":"Jane <jane@example.com>"}}},
          "old":{"type":"branch","name":"main","target":{"hash":"%s"}}}]}}
        """
            .formatted(next, MARKER, after);
    Map<String, String> unsigned =
        Map.of(
            "X-Event-Key", "repo:push",
            "X-Request-UUID", "bb-1",
            "X-Hub-Signature", "sha256=" + "0".repeat(64));
    assertEquals(401, post("bitbucket", bitbucket, unsigned).statusCode());
    Map<String, String> signed =
        Map.of(
            "X-Event-Key", "repo:push",
            "X-Request-UUID", "bb-2",
            "X-Hub-Signature", "sha256=" + hmac(bitbucket));
    HttpResponse<String> fromBitbucket = post("bitbucket", bitbucket, signed);
    assertEquals(202, fromBitbucket.statusCode(), fromBitbucket.body());
    assertEquals(next, JSON.readTree(fromBitbucket.body()).at("/versions/0/versionName").asText());
    assertEquals(2, versions().size());
  }

  private String awaitEnd(long id) throws Exception {
    return Poll.until(
        Duration.ofSeconds(90),
        () -> daemon.json("/api/runs/" + id).get("status").asText(),
        s -> List.of("success", "failure", "error", "cancelled").contains(s),
        s -> "run " + id + " still " + s);
  }

  private List<JsonNode> versions() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    daemon.json("/api/resources/" + LINE + "/app-repo/versions").forEach(out::add);
    return out;
  }

  private static String gitHubPush(String ref, String before, String after) {
    return """
        {"ref":"%s","before":"%s","after":"%s","created":false,"deleted":false,
         "repository":{"full_name":"acme/app","clone_url":"https://github.com/acme/app.git",
          "default_branch":"main"},
         "head_commit":{"id":"%s","message":"%s",
          "author":{"name":"Mona","email":"mona@example.com","username":"mona"},
          "committer":{"name":"Octo Cat","email":"octo@example.com","username":"octocat"}}}
        """
        .formatted(ref, before, after, after, MARKER);
  }

  private static Map<String, String> gitHub(String signature, String delivery, String event) {
    return Map.of(
        "X-Hub-Signature-256",
        signature.startsWith("sha256=") ? signature : "sha256=" + signature,
        "X-GitHub-Delivery",
        delivery,
        "X-GitHub-Event",
        event);
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> post(String provider, String body, Map<String, String> headers)
      throws Exception {
    return postTo(provider, LINE, body, headers);
  }

  private HttpResponse<String> postTo(
      String provider, String line, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/webhooks/" + provider + "/" + line))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
