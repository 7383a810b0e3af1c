package dev.shiprun.runner.secrets;

import dev.shiprun.model.env.VariableName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text inside a secure value: {@code KEY=value} pairs, one a line, as Shippable's blobs held
 * them. Blank lines are skipped. A line that is not a pair is refused by its number only: it may
 * hold a secret.
 */
public final class SecurePairs {

  private SecurePairs() {}

  /** The pairs in order; a key given twice keeps its last value. */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0 || !VariableName.isValid(line.substring(0, eq))) {
        throw new IntegrationInputException(
            "line "
                + (i + 1)
                + " is not KEY=value (a variable name of letters, digits and _, then '=', then"
                + " the value)");
      }
      out.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return out;
  }

  /** The pairs as the text {@link #parse} reads back. */
  public static String format(Map<String, String> pairs) {
    StringBuilder out = new StringBuilder();
    pairs.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }
}
