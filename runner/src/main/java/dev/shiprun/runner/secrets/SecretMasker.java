package dev.shiprun.runner.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every secret value a job can see with {@code ***} in a line of its output, before the
 * line reaches any sink (console, stored log). Longer values first, so a secret that contains
 * another is masked whole. Values are matched exactly; encoded forms and streaming across writes
 * are the secrets issue's work (docs/architecture.md).
 */
public final class SecretMasker {

  public static final String MASK = "***";

  private final List<String> values;

  public SecretMasker(Collection<String> secrets) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String s : secrets) {
      if (!s.isEmpty()) {
        distinct.add(s);
        // A multi-line secret reaches the log one line at a time.
        for (String line : s.split("\n")) {
          if (!line.isBlank()) {
            distinct.add(line);
          }
        }
      }
    }
    List<String> sorted = new ArrayList<>(distinct);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(sorted);
  }

  public String mask(String line) {
    String out = line;
    for (String v : values) {
      if (out.contains(v)) {
        out = out.replace(v, MASK);
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }
}
