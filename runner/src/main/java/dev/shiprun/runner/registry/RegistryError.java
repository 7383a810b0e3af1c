package dev.shiprun.runner.registry;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What registry clients (docker, podman, skopeo, buildah, crane, Jib) print when a registry turns
 * them away or cannot be reached: read from a failed command's output, to tell the user which
 * credentials were in play. Only a hint: finding nothing proves nothing.
 */
public enum RegistryError {

  /**
   * A registry answered and refused: wrong or missing credentials, no access, no such image. Only a
   * registry says these, so they count even when the output names no registry.
   */
  REFUSED(
      "unauthorized",
      "authentication required",
      "incorrect username or password",
      "requested access to the resource is denied",
      // a registry's error code; "Permission denied: …" of a local file is not one
      "(?<!permission )denied:",
      "manifest unknown",
      "name unknown",
      "blob unknown",
      "toomanyrequests"),

  /**
   * The registry could not be reached or trusted. Any server can fail so (a database's "connection
   * refused" too), so these count only where the output also names the registry.
   */
  UNREACHABLE(
      "connection refused",
      "no such host",
      "no route to host",
      "network is unreachable",
      "connection reset",
      "i/o timeout",
      "x509:",
      "tls: ",
      "server gave http response to https client",
      "pinging container registry");

  private final Pattern pattern;

  RegistryError(String... phrases) {
    this.pattern = Pattern.compile(String.join("|", phrases), Pattern.CASE_INSENSITIVE);
  }

  /**
   * The kind of registry failure {@code output} shows, a refusal before the rest; empty if none.
   */
  public static Optional<RegistryError> in(String output) {
    for (RegistryError error : values()) {
      if (error.pattern.matcher(output).find()) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }
}
