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

  /**
   * A token of run {@code runId} of the home {@code scope} names (8 hex digits): {@code
   * <scope>-<runId>-<random>}, so the processes of a run a crashed shiprun left are found by {@link
   * #ofRun}'s prefix.
   */
  public static RunToken forRun(String scope, long runId) {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new RunToken(scope + "-" + runId + "-" + random);
  }

  /** What every token {@link #forRun} made for that run starts with. */
  public static RunToken ofRun(String scope, long runId) {
    return new RunToken(scope + "-" + runId + "-");
  }

  /** The scope of a home's tokens: 8 hex digits of its path's hash. */
  public static String scope(java.nio.file.Path home) {
    return String.format("%08x", home.toAbsolutePath().normalize().toString().hashCode());
  }

  /** The environment entry as a process holds it: {@code SHIPRUN_RUN_TOKEN=<value>}. */
  byte[] environmentEntry() {
    return (VARIABLE + "=" + value).getBytes(StandardCharsets.US_ASCII);
  }
}
