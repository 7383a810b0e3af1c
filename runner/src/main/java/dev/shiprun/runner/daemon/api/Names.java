package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import java.util.regex.Pattern;

/**
 * The rule for names a client gives in a path ({@code /api/lines/{name}}): letters, digits, {@code
 * -}, {@code _} and {@code .}, at most 200, starting with a letter or digit. A line's name becomes
 * a folder of the daemon's home (its builds), so {@code .}, {@code ..} and separators are out.
 * {@link PathNameFilter} applies it to the path as sent, so a name is stored as the client wrote
 * it.
 */
final class Names {

  static final int MAX = 200;
  static final String RULE =
      "use letters, digits, '-', '_' and '.', at most "
          + MAX
          + " characters, starting with a letter or digit";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private Names() {}

  static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** {@code name}, or a 400 problem saying what a name may hold. */
  static String check(String what, String name) {
    if (isName(name)) {
      return name;
    }
    throw new ProblemException(
        Problem.of(
            "invalid-name", "Bad Request", 400, "that is not a usable " + what + " name: " + RULE));
  }
}
