package dev.shiprun.runner.daemon.webhook;

import static dev.shiprun.runner.daemon.webhook.PayloadFields.NO_COMMIT;
import static dev.shiprun.runner.daemon.webhook.PayloadFields.optional;
import static dev.shiprun.runner.daemon.webhook.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.engine.gitrepo.Push;
import java.util.Optional;

/**
 * GitLab's delivery ({@code X-Gitlab-Event}: {@code Push Hook}, {@code Tag Push Hook}, …) as an
 * event. GitLab gives a commit's author only: it is the committer too.
 */
final class GitLabPayload {

  private GitLabPayload() {}

  static WebhookEvent event(String name, JsonNode body) {
    String kind = text(body, "object_kind");
    if (!kind.equals("push") && !kind.equals("tag_push")) {
      return new WebhookEvent.Ignored(
          "ignored: GitLab event '" + (name.isEmpty() ? kind : name) + "' is not a push");
    }
    String ref = text(body, "ref");
    Optional<String[]> moved = PayloadFields.ref(ref);
    if (moved.isEmpty()) {
      return new WebhookEvent.Ignored("ignored: the push moved '" + ref + "', no branch or tag");
    }
    boolean tag = moved.get()[0].equals("refs/tags/");
    String refName = moved.get()[1];
    String after = text(body, "after");
    if (after.isEmpty() || after.equals(NO_COMMIT)) {
      return new WebhookEvent.Ignored(
          "ignored: " + (tag ? "tag " : "branch ") + refName + " was deleted");
    }
    String sha = optional(body, "checkout_sha").orElse(after);
    JsonNode head = null;
    for (JsonNode commit : body.path("commits")) {
      if (text(commit, "id").equals(sha) || head == null) {
        head = commit;
      }
    }
    Push.Person author =
        head == null
            ? new Push.Person(
                text(body, "user_name"), text(body, "user_email"), text(body, "user_username"))
            : new Push.Person(text(head, "author", "name"), text(head, "author", "email"), "");
    return new WebhookEvent.Pushed(
        new Push(
            "gitlab",
            text(body, "project", "path_with_namespace"),
            optional(body, "project", "git_http_url")
                .orElse(text(body, "repository", "git_http_url")),
            tag ? Optional.empty() : Optional.of(refName),
            tag ? Optional.of(refName) : Optional.empty(),
            sha,
            text(body, "before").equals(NO_COMMIT) ? "" : text(body, "before"),
            head == null ? text(body, "message") : text(head, "message"),
            author,
            author,
            optional(body, "project", "default_branch")));
  }
}
