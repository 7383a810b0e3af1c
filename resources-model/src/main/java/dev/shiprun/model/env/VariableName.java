package dev.shiprun.model.env;

/**
 * What a variable name is: ASCII letters, digits and {@code _}, not starting with a digit ({@code
 * [A-Za-z_][A-Za-z0-9_]*}), the names bash reads as {@code $NAME}. Resource templating, {@code
 * ${NAME}} in integration files, secure {@code KEY=value} pairs and a daemon request's variables
 * all ask here; shipctl's {@code _sc_print_var} holds the same rule in bash.
 */
public final class VariableName {

  private VariableName() {}

  /** Whether the whole text is a variable name. */
  public static boolean isValid(String text) {
    if (text.isEmpty() || !isStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!isPart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a name may start with this character: a letter or {@code _}. */
  public static boolean isStart(char c) {
    return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  /** Whether a name may hold this character after its first: a letter, a digit or {@code _}. */
  public static boolean isPart(char c) {
    return isStart(c) || c >= '0' && c <= '9';
  }
}
