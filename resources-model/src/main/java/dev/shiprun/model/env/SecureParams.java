package dev.shiprun.model.env;

import dev.shiprun.model.integration.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code secure:} values of a line's params resources as the runner opened them with the home's
 * key: per resource, its {@code KEY=value} pairs (every value a secret), or why it cannot be read.
 * A job reading the resource gets the pairs as it gets plain params (spec §3.7).
 *
 * @param values the pairs of each params resource whose value opened, by resource name
 * @param unreadable why the value of each other params resource with one cannot be read
 * @param ciValues the pairs of each {@code secure:} entry of a CI {@code env} that opened, by its
 *     blob as written
 * @param ciUnreadable why each other {@code secure:} entry of a CI {@code env} cannot be read, by
 *     its blob
 */
public record SecureParams(
    Map<String, Map<String, Secret>> values,
    Map<String, String> unreadable,
    Map<String, Map<String, Secret>> ciValues,
    Map<String, String> ciUnreadable) {

  public static final SecureParams NONE = new SecureParams(Map.of(), Map.of());

  /** Params resources' values only. */
  public SecureParams(Map<String, Map<String, Secret>> values, Map<String, String> unreadable) {
    this(values, unreadable, Map.of(), Map.of());
  }

  public SecureParams {
    Map<String, Map<String, Secret>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(values, "values")
        .forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    values = Collections.unmodifiableMap(copy);
    unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
    Map<String, Map<String, Secret>> ciCopy = new LinkedHashMap<>();
    Objects.requireNonNull(ciValues, "ciValues")
        .forEach((k, v) -> ciCopy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    ciValues = Collections.unmodifiableMap(ciCopy);
    ciUnreadable = Collections.unmodifiableMap(new LinkedHashMap<>(ciUnreadable));
  }

  /** The opened pairs of params resource {@code name}; empty when it has none. */
  public Map<String, Secret> of(String name) {
    return values.getOrDefault(name, Map.of());
  }

  @Override
  public String toString() {
    return "SecureParams["
        + values.keySet()
        + " opened, "
        + unreadable.keySet()
        + " unreadable, "
        + ciValues.size()
        + " CI values opened, "
        + ciUnreadable.size()
        + " unreadable]";
  }
}
