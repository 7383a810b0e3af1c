package dev.shiprun.model.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's environment in Shippable's order (spec §3.6): params keys first, then job variables, then
 * each dependency in step order; a later value of a name replaces an earlier one.
 */
public final class JobEnv {

  private final Map<String, EnvVar> variables;
  private final List<EnvVar> inOrder;

  private JobEnv(Map<String, EnvVar> variables) {
    this.variables = variables;
    this.inOrder = List.copyOf(variables.values());
  }

  public List<EnvVar> variables() {
    return inOrder;
  }

  public Optional<EnvVar> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Collects variables; a name set twice keeps its first position and its last value. */
  static final class Builder {
    private final Map<String, EnvVar> variables = new LinkedHashMap<>();

    void put(String name, String value, String origin) {
      variables.put(name, new EnvVar(name, new EnvValue.Plain(value), origin));
    }

    /** The value set so far under {@code name} (templating reads the variables so far). */
    Optional<EnvValue> value(String name) {
      EnvVar v = variables.get(name);
      return v == null ? Optional.empty() : Optional.of(v.value());
    }

    void put(String name, EnvValue value, String origin) {
      variables.put(name, new EnvVar(name, value, origin));
    }

    /** Hands the collected variables over; the builder must not be used afterwards. */
    JobEnv build() {
      return new JobEnv(Collections.unmodifiableMap(variables));
    }
  }
}
