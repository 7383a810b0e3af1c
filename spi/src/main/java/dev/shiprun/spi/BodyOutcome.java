package dev.shiprun.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link JobBody} ended.
 *
 * @param ending the run's status
 * @param reason one line for the user when it is not a success
 * @param report what the run found that users read besides its log (a build's test counts and
 *     coverage), as plain values: strings, numbers, booleans, lists and maps; stored with the run
 *     and shown by the console, {@code --output json} and the daemon's API. Empty for none.
 */
public record BodyOutcome(Ending ending, Optional<String> reason, Map<String, Object> report) {

  /** The statuses a body may end with. */
  public enum Ending {
    SUCCESS,
    FAILURE,
    ERROR,
    TIMEOUT,
    CANCELLED
  }

  public BodyOutcome {
    Objects.requireNonNull(ending, "ending");
    Objects.requireNonNull(reason, "reason");
    report = Collections.unmodifiableMap(new LinkedHashMap<>(report));
  }
}
