package dev.shiprun.spi;

import java.util.Objects;

/**
 * Where a type's versions come from besides jobs and the YAML, in the words of a message.
 *
 * @param what where they come from, e.g. {@code its versions are the commits shiprun finds in its
 *     repository}
 * @param check what the user checks when there is none, e.g. {@code check that the repository can
 *     be reached}
 */
public record VersionSource(String what, String check) {

  public VersionSource {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(check, "check");
  }
}
