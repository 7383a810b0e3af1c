package dev.shiprun.model.env;

import dev.shiprun.model.Resource;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import java.net.URI;
import java.util.Optional;

/**
 * Where a gitRepo lives: its HTTPS and SSH addresses, made from the SCM integration's address and
 * {@code sourceName} as Shippable did ({@code org/repo} on github.com when there is no
 * integration), and the address shiprun clones: {@code sourceUrl} when the YAML gives one.
 */
public record GitRepoUrls(String httpsUrl, String sshUrl, String cloneUrl) {

  private static final String GITHUB = "https://github.com";

  /**
   * @param sourceName the resource's sourceName, templated
   */
  public static GitRepoUrls of(
      Resource repo, String sourceName, Optional<Integration> integration) {
    String base = webBase(integration);
    String path = sourceName.endsWith(".git") ? sourceName : sourceName + ".git";
    String https = base + "/" + path;
    String ssh = "git@" + host(base) + ":" + path;
    String clone = repo.definition().text("sourceUrl").filter(s -> !s.isBlank()).orElse(https);
    return new GitRepoUrls(https, ssh, clone);
  }

  /** The web address of the SCM the integration's API address belongs to. */
  static String webBase(Optional<Integration> integration) {
    if (integration.isEmpty()) {
      return GITHUB;
    }
    Integration i = integration.get();
    String url = strip(text(i, "url"));
    return switch (i.type().masterName()) {
      case "github" ->
          url.isEmpty() || url.equals("https://api.github.com") ? GITHUB : cut(url, "/api/v3");
      case "gitlab" -> url.isEmpty() ? "https://gitlab.com" : cut(cut(url, "/api/v4"), "/api/v3");
      case "bitbucket" ->
          url.isEmpty() || url.equals("https://api.bitbucket.org")
              ? "https://bitbucket.org"
              : cut(url, "/rest/api/1.0");
      case "gitCredential" -> {
        String port = text(i, "port");
        yield "https://" + text(i, "host") + (port.isEmpty() ? "" : ":" + port);
      }
      default -> GITHUB;
    };
  }

  private static String text(Integration i, String field) {
    return i.effectiveFields().get(field) instanceof FieldValue.Text t ? t.value().trim() : "";
  }

  private static String strip(String url) {
    String out = url;
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static String cut(String url, String suffix) {
    return url.endsWith(suffix) ? url.substring(0, url.length() - suffix.length()) : url;
  }

  private static String host(String base) {
    try {
      String host = URI.create(base).getHost();
      return host == null ? base : host;
    } catch (IllegalArgumentException e) {
      return base;
    }
  }
}
