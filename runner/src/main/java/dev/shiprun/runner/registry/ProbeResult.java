package dev.shiprun.runner.registry;

/**
 * What {@link RegistryProbe} found out about a registry and a login. Each outcome has a one-line
 * {@link #message()} for the user that never holds the password, the {@code auth} value or a token.
 */
public sealed interface ProbeResult {

  /** One line, lower case, no period: what happened and, where the user can act, what to do. */
  String message();

  /** Only this outcome means the credentials work (the CLI's exit 0). */
  default boolean authenticated() {
    return this instanceof Authenticated;
  }

  /**
   * The registry took the credentials, or (when {@code credentialsChecked} is false) asked for none
   * at all, so they could not be checked.
   */
  record Authenticated(String registry, String username, boolean credentialsChecked)
      implements ProbeResult {
    @Override
    public String message() {
      return credentialsChecked
          ? "authenticated to " + registry + " as " + username
          : "authenticated to "
              + registry
              + ": it asks for no credentials at all, so the username and password were not"
              + " checked";
    }
  }

  /** The registry (or its token service) refused the username and password. */
  record WrongCredentials(String registry, String username) implements ProbeResult {
    @Override
    public String message() {
      return "wrong username or password: "
          + registry
          + " refused user '"
          + username
          + "'; check the integration's username and password";
    }
  }

  /** No HTTP answer: nothing listens, the name does not resolve, or it answered too late. */
  record Unreachable(String address, String reason) implements ProbeResult {
    @Override
    public String message() {
      return "registry unreachable at " + address + ": " + reason;
    }
  }

  /** The TLS handshake failed: an untrusted or mismatched certificate, or no TLS at all. */
  record TlsProblem(String reason) implements ProbeResult {
    @Override
    public String message() {
      return "tls problem: " + reason;
    }
  }

  /** Something answered, but not as a registry's HTTP API v2 (or its token service) does. */
  record NotARegistry(String detail) implements ProbeResult {
    @Override
    public String message() {
      return "not a registry: " + detail;
    }
  }

  /**
   * The check was not made: it would have sent the password over plain http without the user's
   * leave, or the registry wants a kind of authentication shiprun cannot do.
   */
  record NotChecked(String reason) implements ProbeResult {
    @Override
    public String message() {
      return "credentials not checked: " + reason;
    }
  }
}
