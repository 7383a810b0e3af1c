package dev.shiprun.model.env;

import java.util.Optional;

/** The version a run would use of a resource or job, by name. */
@FunctionalInterface
public interface VersionLookup {

  Optional<ResourceVersion> versionOf(String name);
}
