package dev.shiprun.runner.daemon;

import java.util.regex.Pattern;

/**
 * The rule for names a client gives in a path ({@code /api/lines/{name}}): letters, digits, {@code
 * -}, {@code _} and {@code .}, at most 200, starting with a letter or digit. A line's name becomes
 * a folder of the daemon's home (its builds), so {@code .}, {@code ..} and separators are out.
 */
final class Names {

  static final int MAX = 200;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private Names() {}

  /** {@code name}, or a 400 problem saying what a name may hold. */
  static String check(String what, String name) {
    if (name != null && NAME.matcher(name).matches()) {
      return name;
    }
    throw new ProblemException(
        Problem.of(
            "invalid-name",
            "Bad Request",
            400,
            "that is not a usable "
                + what
                + " name: use letters, digits, '-', '_' and '.', at most "
                + MAX
                + " characters, starting with a letter or digit"));
  }
}
