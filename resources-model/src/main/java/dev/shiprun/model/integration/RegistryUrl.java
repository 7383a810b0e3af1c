package dev.shiprun.model.integration;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for every {@link FieldKind#URL} field: {@code http(s)://host[:port][/path]}, nothing
 * else. No user name or password in the address (they belong in the integration's own fields), no
 * query or fragment, no spaces.
 *
 * <p>Reasons never quote the address: a URL field may be secret (a Slack webhook), and an address
 * with user-info carries a password.
 */
public final class RegistryUrl {

  /** The shape a URL field must have, for hints. */
  public static final String EXPECTED_SHAPE = "https://registry.example.com[:port][/path]";

  private RegistryUrl() {}

  /** Why {@code url} is not a usable address, lower case; empty when it is fine. */
  public static Optional<String> problem(String url) {
    if (url == null || url.isEmpty()) {
      return Optional.of("it is empty");
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return Optional.of("it contains a space or a control character");
      }
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return Optional.of("it has no scheme; it must start with https:// or http://");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("the scheme must be http or https");
    }
    String rest = url.substring(schemeEnd + 3);
    if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      return Optional.of("it must not have a query or a fragment ('?' or '#')");
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    if (authority.indexOf('@') >= 0) {
      return Optional.of(
          "it must not carry a user name or password ('user@'); use the integration's fields");
    }
    if (authority.isEmpty()) {
      return Optional.of("it has no host");
    }
    return authority.startsWith("[") ? bracketed(authority) : hostAndPort(authority);
  }

  /** {@code [v6-address]} or {@code [v6-address]:port}. */
  private static Optional<String> bracketed(String authority) {
    int close = authority.indexOf(']');
    if (close < 0) {
      return Optional.of("the host has '[' without a closing ']'");
    }
    String address = authority.substring(1, close);
    if (address.isEmpty() || address.indexOf(':') < 0 || !address.chars().allMatch(c -> isV6(c))) {
      return Optional.of("the host is not a valid ipv6 address");
    }
    String after = authority.substring(close + 1);
    if (after.isEmpty()) {
      return Optional.empty();
    }
    if (!after.startsWith(":")) {
      return Optional.of("the host is not a valid ipv6 address");
    }
    return port(after.substring(1));
  }

  private static Optional<String> hostAndPort(String authority) {
    int colon = authority.indexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    if (host.isEmpty()) {
      return Optional.of("it has no host");
    }
    if (!isHostName(host)) {
      return Optional.of("the host is not a valid host name");
    }
    return colon < 0 ? Optional.empty() : port(authority.substring(colon + 1));
  }

  private static Optional<String> port(String text) {
    boolean digits =
        !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
      return Optional.of("the port must be a number from 1 to 65535");
    }
    return Optional.empty();
  }

  /** Labels of letters, digits, '-' and '_' separated by dots; one trailing dot is allowed. */
  private static boolean isHostName(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (name.isEmpty()) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok =
            c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isV6(int c) {
    return c >= '0' && c <= '9'
        || c >= 'a' && c <= 'f'
        || c >= 'A' && c <= 'F'
        || c == ':'
        || c == '.';
  }
}
