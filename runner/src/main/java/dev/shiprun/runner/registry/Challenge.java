package dev.shiprun.runner.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io"}.
 *
 * @param scheme the scheme, lower case
 * @param params the parameters by lower-case name, values unquoted
 */
record Challenge(String scheme, Map<String, String> params) {

  Challenge {
    params = Map.copyOf(params);
  }

  /**
   * The challenge to answer among all those of the headers: Bearer first (a registry that offers
   * both wants tokens), then Basic, else the first one.
   */
  static Optional<Challenge> choose(List<String> headers) {
    List<Challenge> all = new ArrayList<>();
    headers.forEach(h -> all.addAll(parse(h)));
    return all.stream()
        .filter(c -> c.scheme.equals("bearer"))
        .findFirst()
        .or(() -> all.stream().filter(c -> c.scheme.equals("basic")).findFirst())
        .or(() -> all.stream().findFirst());
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
  }

  /** The challenges of one header value; commas separate both parameters and challenges. */
  static List<Challenge> parse(String header) {
    List<Challenge> out = new ArrayList<>();
    String scheme = null;
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int n = header.length();
    while (i < n) {
      char c = header.charAt(i);
      if (c == ' ' || c == '\t' || c == ',') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && " \t,=".indexOf(header.charAt(i)) < 0) {
        i++;
      }
      String token = header.substring(start, i);
      int afterSpaces = skipSpaces(header, i);
      boolean isParam = scheme != null && afterSpaces < n && header.charAt(afterSpaces) == '=';
      if (!isParam) {
        if (scheme != null) {
          out.add(new Challenge(scheme, params));
        }
        scheme = token.toLowerCase(Locale.ROOT);
        params = new LinkedHashMap<>();
        continue;
      }
      i = skipSpaces(header, afterSpaces + 1);
      StringBuilder value = new StringBuilder();
      if (i < n && header.charAt(i) == '"') {
        i++;
        while (i < n && header.charAt(i) != '"') {
          if (header.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(header.charAt(i++));
        }
        i++; // the closing quote
      } else {
        while (i < n && " \t,".indexOf(header.charAt(i)) < 0) {
          value.append(header.charAt(i++));
        }
      }
      params.put(token.toLowerCase(Locale.ROOT), value.toString());
    }
    if (scheme != null) {
      out.add(new Challenge(scheme, params));
    }
    return out;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
