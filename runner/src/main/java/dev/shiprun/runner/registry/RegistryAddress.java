package dev.shiprun.runner.registry;

import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.RegistryUrl;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry URL taken apart: what the credential helpers call it ({@link #key()}) and where its
 * HTTP API lives ({@link #apiBase()}). Only URLs that pass {@link RegistryUrl} get here.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host, lower case (names are case-insensitive, but auth-file keys are compared as
 *     strings); an ipv6 literal keeps its brackets
 * @param port the port as written, or -1
 * @param path the path without a trailing slash, or empty
 */
record RegistryAddress(String scheme, String host, int port, String path) {

  /** The names Docker Hub goes by; all of them share the one legacy key in {@code auths}. */
  private static final Set<String> DOCKER_HUB_HOSTS =
      Set.of("index.docker.io", "docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  /** Where Docker Hub's registry API answers (index.docker.io is the old login service). */
  private static final URI DOCKER_HUB_API = URI.create("https://registry-1.docker.io");

  /**
   * Takes {@code url} apart by hand: {@link URI} gives no host for names with '_', which {@link
   * RegistryUrl} allows.
   *
   * @throws IllegalArgumentException when {@link RegistryUrl} finds a problem with it
   */
  static RegistryAddress parse(String url) {
    RegistryUrl.problem(url)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("the registry url is not usable: " + p);
            });
    int schemeEnd = url.indexOf("://");
    String rest = url.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int portColon = authority.lastIndexOf(':');
    if (portColon < authority.lastIndexOf(']')) {
      portColon = -1; // a colon inside an ipv6 literal
    }
    String host = portColon < 0 ? authority : authority.substring(0, portColon);
    int port = portColon < 0 ? -1 : Integer.parseInt(authority.substring(portColon + 1));
    return new RegistryAddress(
        url.substring(0, schemeEnd).toLowerCase(Locale.ROOT),
        host.toLowerCase(Locale.ROOT),
        port,
        path);
  }

  boolean isDockerHub() {
    return DOCKER_HUB_HOSTS.contains(host);
  }

  boolean isPlainHttp() {
    return scheme.equals("http");
  }

  /**
   * The key of this registry in a Docker {@code config.json}: Docker Hub's legacy URL (docker and
   * containers/image both look it up), else {@code host[:port][/path]} without the scheme, which is
   * how image references name a registry.
   */
  String key() {
    if (isDockerHub()) {
      return IntegrationTypes.DOCKER_HUB_URL;
    }
    return authority() + path;
  }

  /** How messages name the registry: "Docker Hub", else its {@link #key()}. */
  String displayName() {
    return isDockerHub() ? "Docker Hub" : key();
  }

  /**
   * The scheme and authority the {@code /v2/} API hangs off. A path in the URL is a namespace in
   * the registry (what the auth key may be scoped to), not a prefix of the API, so it is dropped.
   */
  URI apiBase() {
    return isDockerHub() ? DOCKER_HUB_API : URI.create(scheme + "://" + authority());
  }

  /**
   * Whether {@code text} names this registry: its {@code host[:port]} (any name of Docker Hub's) as
   * a whole word, case-insensitive, so {@code 127.0.0.1:5000} is not found in {@code
   * 127.0.0.1:50001} nor {@code example.com} in {@code registry.example.com}.
   */
  boolean namedIn(String text) {
    Set<String> names = isDockerHub() ? DOCKER_HUB_HOSTS : Set.of(authority());
    for (String name : names) {
      Pattern word =
          Pattern.compile(
              "(?<![A-Za-z0-9.-])" + Pattern.quote(name) + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
              Pattern.CASE_INSENSITIVE);
      if (word.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private String authority() {
    return port < 0 ? host : host + ":" + port;
  }
}
