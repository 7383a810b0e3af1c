package dev.shiprun.model.env;

import java.nio.charset.StandardCharsets;

/**
 * The one place the {@code <NAME>} rule lives (spec §3.1 and §9): keep {@code [A-Za-z0-9_]}, strip
 * leading digits, upper-case. {@code my-key-1} → {@code MYKEY1}, {@code my_key_1} → {@code
 * MY_KEY_1}, {@code 7-params} → {@code PARAMS}. shipctl uses the same rule.
 */
public final class EnvNames {

  private EnvNames() {}

  /** {@code <NAME>} of a resource, job or integration name. */
  public static String of(String name) {
    return upperCase(name, true);
  }

  /**
   * {@code <FIELD>} of {@code <NAME>_INTEGRATION_<FIELD>}, a params key or a pointer key: sanitised
   * and upper-cased, digits kept.
   */
  public static String field(String key) {
    return upperCase(key, false);
  }

  /**
   * {@code sanitize}, then for a name the leading digits dropped, then upper case: in one pass and
   * one string (the text itself when it already is the result). Validation and planning ask this
   * for every job, step and key; three strings each showed in the 10,000-job profile.
   */
  private static String upperCase(String text, boolean dropLeadingDigits) {
    int n = text.length();
    int same = 0; // how many leading characters come out as they are
    while (same < n && keptAsIs(text.charAt(same), same == 0 && dropLeadingDigits)) {
      same++;
    }
    if (same == n) {
      return text;
    }
    byte[] out = new byte[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!VariableName.isPart(c) || dropLeadingDigits && k == 0 && c >= '0' && c <= '9') {
        continue;
      }
      out[k++] = (byte) (c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
    }
    return new String(out, 0, k, StandardCharsets.ISO_8859_1);
  }

  private static boolean keptAsIs(char c, boolean first) {
    return c >= 'A' && c <= 'Z' || c == '_' || !first && c >= '0' && c <= '9';
  }

  /** Removes every character outside {@code [A-Za-z0-9_]}, keeping case (params keys, TASK env). */
  public static String sanitize(String text) {
    if (isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (VariableName.isPart(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!VariableName.isPart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the rule drops digits at the start ({@code 1-app} → {@code APP}). */
  public static boolean losesLeadingDigits(String name) {
    // The first character sanitize keeps, without making the sanitised string.
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (VariableName.isPart(c)) {
        return c >= '0' && c <= '9';
      }
    }
    return false;
  }
}
