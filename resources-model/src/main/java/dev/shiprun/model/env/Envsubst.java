package dev.shiprun.model.env;

import dev.shiprun.model.integration.Secret;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resource templating (spec §3.9): {@code $VAR} and {@code ${VAR}} in a resource's YAML values are
 * replaced with the job's variables so far, as {@code envsubst} did; unknown names become empty, a
 * {@code $} not followed by a name stays. A value that takes in a secret becomes a secret.
 */
public final class Envsubst {

  private Envsubst() {}

  public static EnvValue apply(String text, Function<String, Optional<EnvValue>> variables) {
    if (text.indexOf('$') < 0) {
      return new EnvValue.Plain(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean secret = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      boolean braced = text.charAt(i + 1) == '{';
      int start = braced ? i + 2 : i + 1;
      int end = start;
      while (end < text.length()
          && (end == start
              ? VariableName.isStart(text.charAt(end))
              : VariableName.isPart(text.charAt(end)))) {
        end++;
      }
      boolean closed = !braced || end < text.length() && text.charAt(end) == '}';
      if (end == start || !closed) {
        out.append(c);
        i++;
        continue;
      }
      Optional<EnvValue> value = variables.apply(text.substring(start, end));
      if (value.isPresent()) {
        EnvValue v = value.get();
        if (v instanceof EnvValue.Hidden h) {
          secret = true;
          out.append(h.secret().reveal());
        } else {
          out.append(((EnvValue.Plain) v).text());
        }
      }
      i = braced ? end + 1 : end;
    }
    String result = out.toString();
    return secret ? new EnvValue.Hidden(new Secret(result)) : new EnvValue.Plain(result);
  }
}
