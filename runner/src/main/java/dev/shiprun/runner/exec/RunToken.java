package dev.shiprun.runner.exec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The mark of one run: {@value #VARIABLE}{@code =<value>} is put into the environment of the
 * script, every process it starts inherits it, and {@link ProcessTreeKiller} finds them all by it.
 */
public record RunToken(String value) {

  /** The environment variable that carries the token. */
  public static final String VARIABLE = "SHIPRUN_RUN_TOKEN";

  public RunToken {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[A-Za-z0-9-]{8,64}")) {
      throw new IllegalArgumentException("a run token is 8 to 64 letters, digits or '-': " + value);
    }
  }

  public static RunToken random() {
    return new RunToken(UUID.randomUUID().toString());
  }

  /** The environment entry as a process holds it: {@code SHIPRUN_RUN_TOKEN=<value>}. */
  byte[] environmentEntry() {
    return (VARIABLE + "=" + value).getBytes(StandardCharsets.US_ASCII);
  }
}
