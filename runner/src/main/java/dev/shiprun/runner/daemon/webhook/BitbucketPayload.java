package dev.shiprun.runner.daemon.webhook;

import static dev.shiprun.runner.daemon.webhook.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shiprun.runner.engine.gitrepo.Push;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitbucket Cloud's delivery ({@code X-Event-Key}: {@code repo:push}, …) as an event: the first
 * change of the push that moved a branch or tag to a commit (a delivery usually holds one). Its
 * clone URL is the repository's web address with {@code .git}; it names no default branch.
 */
final class BitbucketPayload {

  private static final Pattern RAW_PERSON = Pattern.compile("^(.*?)\\s*<([^>]*)>\\s*$");

  private BitbucketPayload() {}

  static WebhookEvent event(String name, JsonNode body) {
    if (!name.equals("repo:push")) {
      return new WebhookEvent.Ignored("ignored: Bitbucket event '" + name + "' is not a push");
    }
    for (JsonNode change : body.path("push").path("changes")) {
      JsonNode moved = change.path("new");
      String type = text(moved, "type");
      String hash = text(moved, "target", "hash");
      if (!moved.isObject() || hash.isEmpty() || !(type.equals("branch") || type.equals("tag"))) {
        continue;
      }
      boolean tag = type.equals("tag");
      String refName = text(moved, "name");
      JsonNode author = moved.path("target").path("author");
      Push.Person person = person(author);
      String web = text(body, "repository", "links", "html", "href");
      return new WebhookEvent.Pushed(
          new Push(
              "bitbucket",
              text(body, "repository", "full_name"),
              web.isEmpty() ? "" : web + ".git",
              tag ? Optional.empty() : Optional.of(refName),
              tag ? Optional.of(refName) : Optional.empty(),
              hash,
              text(change, "old", "target", "hash"),
              text(moved, "target", "message"),
              person,
              person,
              Optional.empty()));
    }
    return new WebhookEvent.Ignored("ignored: the push moved no branch or tag to a commit");
  }

  /** {@code "raw": "Name <email>"}, with the Bitbucket user's nickname as login. */
  private static Push.Person person(JsonNode author) {
    String raw = text(author, "raw");
    Matcher m = RAW_PERSON.matcher(raw);
    String name = m.matches() ? m.group(1) : raw;
    String email = m.matches() ? m.group(2) : "";
    if (name.isEmpty()) {
      name = text(author, "user", "display_name");
    }
    return new Push.Person(name, email, text(author, "user", "nickname"));
  }
}
