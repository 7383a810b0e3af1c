package dev.shiprun.runner.git;

import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How git proves who it is to an SCM over HTTPS: the integration's token (or password) as a Basic
 * {@code Authorization} header, handed to git through {@code GIT_CONFIG_*} environment entries so
 * it never appears on a command line, in a URL, or in a file.
 *
 * @param environment what to add to git's environment
 * @param secrets the values that must never be shown (the token and the header)
 */
public record GitAuth(Map<String, String> environment, List<String> secrets) {

  public static final GitAuth NONE = new GitAuth(Map.of(), List.of());

  public static GitAuth of(Optional<Integration> integration) {
    if (integration.isEmpty()) {
      return NONE;
    }
    Integration i = integration.get();
    String secret = secret(i, "token").or(() -> secret(i, "password")).orElse("");
    if (secret.isEmpty()) {
      return NONE;
    }
    // The user names each SCM accepts beside a token (GitHub ignores it, Bitbucket and GitLab
    // need these).
    String user =
        text(i, "username")
            .orElse(
                switch (i.type().masterName()) {
                  case "gitlab" -> "oauth2";
                  case "bitbucket" -> "x-token-auth";
                  default -> "x-access-token";
                });
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    String header = "Authorization: Basic " + basic;
    return new GitAuth(
        Map.of(
            "GIT_CONFIG_COUNT", "1",
            "GIT_CONFIG_KEY_0", "http.extraHeader",
            "GIT_CONFIG_VALUE_0", header),
        List.of(secret, basic));
  }

  private static Optional<String> secret(Integration i, String field) {
    return i.field(field)
        .filter(FieldValue.Hidden.class::isInstance)
        .map(v -> ((FieldValue.Hidden) v).value().reveal())
        .filter(s -> !s.isEmpty());
  }

  private static Optional<String> text(Integration i, String field) {
    return i.field(field)
        .filter(FieldValue.Text.class::isInstance)
        .map(v -> ((FieldValue.Text) v).value())
        .filter(s -> !s.isEmpty());
  }
}
