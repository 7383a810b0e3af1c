package dev.shiprun.runner.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes text from elsewhere (a server's headers, the JDK's exception messages) fit into a probe
 * message: the login's secrets become {@code ***}, and it is one line of bounded length. The probe
 * never puts a secret into such text itself; this is for servers that echo one back.
 */
record Redaction(List<String> secrets) {

  private static final int MAX_LENGTH = 200;

  Redaction {
    secrets =
        secrets.stream()
            .filter(s -> !s.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The same, also hiding {@code secret}. */
  Redaction with(String secret) {
    List<String> more = new ArrayList<>(secrets);
    more.add(secret);
    return new Redaction(more);
  }

  String clean(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    out = out.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return out.length() <= MAX_LENGTH ? out : out.substring(0, MAX_LENGTH) + "…";
  }
}
