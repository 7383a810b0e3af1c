package dev.shiprun.runner.doctor;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code shiprun doctor}: what was checked, how it went, what was found, and the fix
 * when it is not ok.
 *
 * @param name the thing checked ({@code bash}, {@code engine}, {@code store}, …)
 * @param found what is there, or what is wrong
 * @param fix what to do about it; empty when there is nothing to do
 */
public record Check(String name, Status status, String found, Optional<String> fix) {

  /** How a check went. */
  public enum Status {
    /** Works. */
    OK,
    /** Works with a limit the line says, or something jobs may need is missing. */
    WARN,
    /** Jobs cannot run until it is fixed. */
    FAIL;

    /** The word in the report and in its JSON. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(fix, "fix");
  }

  static Check ok(String name, String found) {
    return new Check(name, Status.OK, found, Optional.empty());
  }

  static Check warn(String name, String found, String fix) {
    return new Check(name, Status.WARN, found, Optional.of(fix));
  }

  /** A warning that states a limit and has nothing to fix. */
  static Check warn(String name, String found) {
    return new Check(name, Status.WARN, found, Optional.empty());
  }

  static Check fail(String name, String found, String fix) {
    return new Check(name, Status.FAIL, found, Optional.of(fix));
  }

  /** {@code status name: found[: fix]}, the status padded so the names line up. */
  public String line() {
    return String.format("%-5s %s: %s", status.word(), name, found)
        + fix.map(f -> ": " + f).orElse("");
  }
}
