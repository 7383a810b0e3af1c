package dev.shiprun.runner.registry;

import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The credentials of one Docker Registry integration, ready for an auth file or a check. The
 * password stays a {@link Secret}, so this record prints as {@code password=***}.
 *
 * @param url the registry's URL; empty means Docker Hub ({@link IntegrationTypes#DOCKER_HUB_URL})
 * @param username the user name (never contains ':', which would end it inside {@code auth})
 * @param password the password or access token
 * @param email the e-mail address, empty when none was given
 */
public record RegistryLogin(String url, String username, Secret password, String email) {

  /**
   * @throws IllegalArgumentException when the URL is not a usable registry address or the user name
   *     contains ':'
   */
  public RegistryLogin {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(email, "email");
    if (url.isEmpty()) {
      url = IntegrationTypes.DOCKER_HUB_URL;
    }
    RegistryAddress.parse(url);
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "a registry user name cannot contain ':' (it separates it from the password in the"
              + " auth entry); check the integration's username");
    }
  }

  /**
   * The login of a {@code dockerRegistryLogin} integration; an empty URL means Docker Hub.
   *
   * @throws IllegalArgumentException for an integration of another type, or one whose values break
   *     the rules of the record
   */
  public static RegistryLogin of(Integration integration) {
    if (!integration.type().equals(IntegrationTypes.DOCKER_REGISTRY)) {
      throw new IllegalArgumentException(
          "integration '"
              + integration.name()
              + "' is a "
              + integration.type().masterName()
              + ", not a "
              + IntegrationTypes.DOCKER_REGISTRY.masterName());
    }
    var fields = integration.effectiveFields();
    return new RegistryLogin(
        text(fields.get("url")),
        text(fields.get("username")),
        fields.get("password") instanceof FieldValue.Hidden h ? h.value() : new Secret(""),
        text(fields.get("email")));
  }

  /**
   * The key Docker, podman and skopeo look this registry up by in {@code auths}: {@code
   * https://index.docker.io/v1/} for Docker Hub, else {@code host[:port][/path]} without the scheme
   * (e.g. {@code registry.example.com:5000}, {@code registry.example.com/team}).
   */
  public String registryKey() {
    return RegistryAddress.parse(url).key();
  }

  /** How messages name the registry: "Docker Hub", else its {@link #registryKey() key}. */
  public String registryName() {
    return RegistryAddress.parse(url).displayName();
  }

  /** Whether the registry is reached over plain http (a check of it needs {@code --insecure}). */
  public boolean plainHttp() {
    return RegistryAddress.parse(url).isPlainHttp();
  }

  /**
   * Whether {@code text} (a client's output) names this registry: its {@code host[:port]}, or any
   * name of Docker Hub's, as a whole word.
   */
  public boolean namedIn(String text) {
    return RegistryAddress.parse(url).namedIn(text);
  }

  /** The value of an {@code auth} entry and of a Basic header: base64 of {@code user:password}. */
  Secret basicCredentials() {
    String pair = username + ":" + password.reveal();
    return new Secret(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(FieldValue value) {
    return value instanceof FieldValue.Text t ? t.value() : "";
  }
}
