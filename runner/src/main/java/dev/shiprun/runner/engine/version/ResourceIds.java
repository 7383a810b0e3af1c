package dev.shiprun.runner.engine.version;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids the store gave the resources and jobs of lines ({@code <NAME>_ID} in a job's
 * environment). An id never changes once made, so an engine reads each one once instead of two
 * statements per job. Only ids of committed transactions are remembered ({@link #remember} after
 * the commit): an id made in a transaction that rolled back was never one.
 */
public final class ResourceIds {

  private record Key(String line, String name) {}

  private final Map<Key, Long> known = new ConcurrentHashMap<>();

  Optional<Long> of(String line, String name) {
    return Optional.ofNullable(known.get(new Key(line, name)));
  }

  public void remember(String line, Map<String, Long> ids) {
    ids.forEach((name, id) -> known.put(new Key(line, name), id));
  }
}
