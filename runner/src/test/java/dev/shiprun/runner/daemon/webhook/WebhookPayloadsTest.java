package dev.shiprun.runner.daemon.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.engine.gitrepo.Push;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each provider's push payload, from the samples of its documentation, read into a push. */
class WebhookPayloadsTest {

  private static JsonNode sample(String name) throws IOException {
    try (InputStream in = WebhookPayloadsTest.class.getResourceAsStream("/webhooks/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static Push pushed(WebhookEvent event) {
    return assertInstanceOf(WebhookEvent.Pushed.class, event).push();
  }

  @Test
  void readsAGitHubBranchPush() throws IOException {
    Push push = pushed(GitHubPayload.event("push", sample("github-push.json")));
    assertEquals("Codertocat/Hello-World", push.repositoryFullName());
    assertEquals("https://github.com/Codertocat/Hello-World.git", push.cloneUrl());
    assertEquals(Optional.of("main"), push.branch());
    assertEquals(Optional.empty(), push.tag());
    assertEquals("7638417db6d59f3c431d3e1f261cc637155684cd", push.commitSha());
    assertEquals("6113728f27ae82c7b1a177c8d03f9e96e0adf246", push.beforeCommitSha());
    assertEquals("Update README.md\n\nExplain how to build it.", push.commitMessage());
    assertEquals(new Push.Person("GitHub", "noreply@github.com", "web-flow"), push.committer());
    assertEquals("Codertocat", push.author().login());
    assertEquals(Optional.of("main"), push.defaultBranch());
    assertEquals("github.com", push.providerDomain());
    assertEquals("Hello-World", push.repositoryName());
  }

  @Test
  void aDeletedGitHubTagAndOtherEventsAreIgnoredAndPingIsAPing() throws IOException {
    WebhookEvent deleted = GitHubPayload.event("push", sample("github-delete-tag.json"));
    assertEquals(
        "ignored: tag simple-tag was deleted",
        assertInstanceOf(WebhookEvent.Ignored.class, deleted).why());
    assertInstanceOf(
        WebhookEvent.Ignored.class, GitHubPayload.event("issues", sample("github-push.json")));
    assertInstanceOf(
        WebhookEvent.Ping.class, GitHubPayload.event("ping", new ObjectMapper().readTree("{}")));
  }

  @Test
  void readsAGitLabPushWithItsHeadCommit() throws IOException {
    Push push = pushed(GitLabPayload.event("Push Hook", sample("gitlab-push.json")));
    assertEquals("mike/diaspora", push.repositoryFullName());
    assertEquals("http://example.com/mike/diaspora.git", push.cloneUrl());
    assertEquals(Optional.of("master"), push.branch());
    assertEquals("da1560886d4f094c3e6c9ef40349f7d38b5d27d7", push.commitSha());
    assertEquals("95790bf891e76fee5e1747ab589903a6a1f80f22", push.beforeCommitSha());
    assertEquals("fixed readme", push.commitMessage(), "the head commit's, not the first's");
    assertEquals("GitLab dev user", push.committer().displayName());
    assertEquals(push.committer(), push.author());
    assertEquals(Optional.of("master"), push.defaultBranch());
  }

  @Test
  void readsAGitLabTagPushWithoutCommits() throws IOException {
    Push push = pushed(GitLabPayload.event("Tag Push Hook", sample("gitlab-tag-push.json")));
    assertEquals(Optional.of("v1.0.0"), push.tag());
    assertEquals("refs/tags/v1.0.0", push.ref());
    assertEquals("82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", push.commitSha());
    assertEquals("", push.beforeCommitSha(), "a new tag has no before");
    assertEquals(new Push.Person("John Smith", "", "jsmith"), push.committer());
    assertEquals("jsmith/example", push.repositoryFullName());
  }

  @Test
  void readsABitbucketPush() throws IOException {
    Push push = pushed(BitbucketPayload.event("repo:push", sample("bitbucket-push.json")));
    assertEquals("team_name/repo_name", push.repositoryFullName());
    assertEquals("https://bitbucket.org/team_name/repo_name.git", push.cloneUrl());
    assertEquals(Optional.of("name-of-branch"), push.branch());
    assertEquals("709d658dc5b6d6afcd46049c2f332ee3f515a67d", push.commitSha());
    assertEquals("1e65c05c1d5171631d92438a13901ca7dae9618c", push.beforeCommitSha());
    assertEquals("new commit message\n", push.commitMessage());
    assertEquals(new Push.Person("Emma", "emma@example.com", "emma"), push.committer());
    assertEquals(Optional.empty(), push.defaultBranch());
    assertInstanceOf(
        WebhookEvent.Ignored.class,
        BitbucketPayload.event("repo:fork", sample("bitbucket-push.json")));
  }

  @Test
  void signaturesAreCheckedAsTheProvidersDocumentThem() {
    // GitHub's documented test values ("Validating webhook deliveries").
    byte[] secret = "It's a Secret to Everybody".getBytes();
    byte[] body = "Hello, World!".getBytes();
    String good = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assertTrue(WebhookProvider.GITHUB.verifies(secret, h("X-Hub-Signature-256", good), body));
    assertTrue(WebhookProvider.BITBUCKET.verifies(secret, h("X-Hub-Signature", good), body));
    assertFalse(
        WebhookProvider.GITHUB.verifies(
            secret, h("X-Hub-Signature-256", good), "Hello".getBytes()));
    assertFalse(WebhookProvider.GITHUB.verifies(secret, h("X-Hub-Signature-256", null), body));
    assertFalse(
        WebhookProvider.GITHUB.verifies(secret, h("X-Hub-Signature-256", "sha1=abc"), body));
    assertTrue(
        WebhookProvider.GITLAB.verifies(
            secret, h("X-Gitlab-Token", "It's a Secret to Everybody"), body));
    assertFalse(WebhookProvider.GITLAB.verifies(secret, h("X-Gitlab-Token", "It's a"), body));
  }

  @Test
  void deliveryIdsComeFromEachProvidersHeader() {
    assertEquals(
        Optional.of("72d3162e-cc78-11e3-81ab-4c9367dc0958"),
        WebhookProvider.GITHUB.deliveryId(
            h("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")));
    assertEquals(
        Optional.of("k-1"), WebhookProvider.GITLAB.deliveryId(h("Idempotency-Key", "k-1")));
    assertEquals(
        Optional.of("r-1"), WebhookProvider.BITBUCKET.deliveryId(h("X-Request-UUID", "r-1")));
    assertEquals(Optional.empty(), WebhookProvider.BITBUCKET.deliveryId(h("X-Other", "x")));
  }

  private static java.util.function.UnaryOperator<String> h(String name, String value) {
    return asked -> asked.equalsIgnoreCase(name) ? value : null;
  }
}
