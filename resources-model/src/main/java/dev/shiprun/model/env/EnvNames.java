package dev.shiprun.model.env;

import java.util.Locale;

/**
 * The one place the {@code <NAME>} rule lives (spec §3.1 and §9): keep {@code [A-Za-z0-9_]}, strip
 * leading digits, upper-case. {@code my-key-1} → {@code MYKEY1}, {@code my_key_1} → {@code
 * MY_KEY_1}, {@code 7-params} → {@code PARAMS}. shipctl uses the same rule.
 */
public final class EnvNames {

  private EnvNames() {}

  /** {@code <NAME>} of a resource, job or integration name. */
  public static String of(String name) {
    return stripLeadingDigits(sanitize(name)).toUpperCase(Locale.ROOT);
  }

  /**
   * {@code <FIELD>} of {@code <NAME>_INTEGRATION_<FIELD>}, a params key or a pointer key: sanitised
   * and upper-cased, digits kept.
   */
  public static String field(String key) {
    return sanitize(key).toUpperCase(Locale.ROOT);
  }

  /** Removes every character outside {@code [A-Za-z0-9_]}, keeping case (params keys, TASK env). */
  public static String sanitize(String text) {
    if (isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Whether the rule drops digits at the start ({@code 1-app} → {@code APP}). */
  public static boolean losesLeadingDigits(String name) {
    String sanitized = sanitize(name);
    return !sanitized.isEmpty() && Character.isDigit(sanitized.charAt(0));
  }

  private static String stripLeadingDigits(String text) {
    int i = 0;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
    }
    return text.substring(i);
  }
}
