package dev.shiprun.runner.daemon.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reading a provider's JSON payload: text at a path, empty when it is missing or null. */
final class PayloadFields {

  static final String NO_COMMIT = "0000000000000000000000000000000000000000";

  private PayloadFields() {}

  static String text(JsonNode node, String... path) {
    return optional(node, path).orElse("");
  }

  /** The branch or tag a {@code refs/heads/…} or {@code refs/tags/…} ref names, as a push. */
  static Optional<String[]> ref(String ref) {
    for (String kind : new String[] {"refs/heads/", "refs/tags/"}) {
      if (ref.startsWith(kind) && ref.length() > kind.length()) {
        return Optional.of(new String[] {kind, ref.substring(kind.length())});
      }
    }
    return Optional.empty();
  }

  static Optional<String> optional(JsonNode node, String... path) {
    JsonNode at = node;
    for (String key : path) {
      if (at == null || !at.isObject()) {
        return Optional.empty();
      }
      at = at.get(key);
    }
    return at == null || at.isNull() || at.isContainerNode()
        ? Optional.empty()
        : Optional.of(at.asText());
  }
}
