package dev.shiprun.runner.daemon.webhook;

import static dev.shiprun.runner.daemon.webhook.PayloadFields.NO_COMMIT;
import static dev.shiprun.runner.daemon.webhook.PayloadFields.optional;
import static dev.shiprun.runner.daemon.webhook.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.engine.gitrepo.Push;
import java.util.Optional;

/** GitHub's delivery ({@code X-GitHub-Event}: {@code push}, {@code ping}, …) as an event. */
final class GitHubPayload {

  private GitHubPayload() {}

  static WebhookEvent event(String name, JsonNode body) {
    if (name.equals("ping")) {
      return new WebhookEvent.Ping();
    }
    if (!name.equals("push")) {
      return new WebhookEvent.Ignored("ignored: GitHub event '" + name + "' is not a push");
    }
    String ref = text(body, "ref");
    Optional<String[]> moved = PayloadFields.ref(ref);
    if (moved.isEmpty()) {
      return new WebhookEvent.Ignored("ignored: the push moved '" + ref + "', no branch or tag");
    }
    String after = text(body, "after");
    boolean tag = moved.get()[0].equals("refs/tags/");
    String refName = moved.get()[1];
    if (body.path("deleted").asBoolean(false) || after.isEmpty() || after.equals(NO_COMMIT)) {
      return new WebhookEvent.Ignored(
          "ignored: " + (tag ? "tag " : "branch ") + refName + " was deleted");
    }
    JsonNode head = body.path("head_commit");
    return new WebhookEvent.Pushed(
        new Push(
            "github",
            text(body, "repository", "full_name"),
            text(body, "repository", "clone_url"),
            tag ? Optional.empty() : Optional.of(refName),
            tag ? Optional.of(refName) : Optional.empty(),
            after,
            text(body, "before").equals(NO_COMMIT) ? "" : text(body, "before"),
            text(head, "message"),
            person(head.path("committer")),
            person(head.path("author")),
            optional(body, "repository", "default_branch")));
  }

  private static Push.Person person(JsonNode p) {
    return new Push.Person(text(p, "name"), text(p, "email"), text(p, "username"));
  }
}
