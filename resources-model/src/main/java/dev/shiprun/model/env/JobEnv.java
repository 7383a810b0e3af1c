package dev.shiprun.model.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's environment in Shippable's order (spec §3.6): params keys first, then job variables, then
 * each dependency in step order; a later value of a name replaces an earlier one.
 *
 * <p>Only the list is kept: a plan holds one environment per job (10,000 and more), and a hash map
 * each was most of the plan's memory. Lookups by name scan it; the runner only iterates.
 */
public final class JobEnv {

  private final List<EnvVar> inOrder;

  private JobEnv(List<EnvVar> inOrder) {
    this.inOrder = inOrder;
  }

  public List<EnvVar> variables() {
    return inOrder;
  }

  public Optional<EnvVar> get(String name) {
    for (EnvVar v : inOrder) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Collects variables; a name set twice keeps its first position and its last value. */
  static final class Builder {
    private final List<EnvVar> variables = new ArrayList<>(64);

    /**
     * Open addressing over {@code variables}: slot holds index + 1, 0 is free. A {@code HashMap}
     * per job cost a node and a boxed index per variable.
     */
    private int[] slots = new int[128];

    /** What {@link #startRecording} has seen since; null when not recording. */
    private List<EnvVar> recorded;

    private boolean lookedUp;

    void put(String name, String value, String origin) {
      put(new EnvVar(name, new EnvValue.Plain(value), origin));
    }

    void put(String name, EnvValue value, String origin) {
      put(new EnvVar(name, value, origin));
    }

    void put(EnvVar variable) {
      if (recorded != null) {
        recorded.add(variable);
      }
      int slot = slot(variable.name());
      if (slots[slot] != 0) {
        variables.set(slots[slot] - 1, variable);
        return;
      }
      variables.add(variable);
      slots[slot] = variables.size();
      if (variables.size() * 2 > slots.length) {
        rehash();
      }
    }

    /** Puts each of {@code recorded} in order: the same as the puts that recorded them. */
    void putAll(List<EnvVar> recorded) {
      for (EnvVar v : recorded) {
        put(v);
      }
    }

    /** The value set so far under {@code name} (templating reads the variables so far). */
    Optional<EnvValue> value(String name) {
      lookedUp = true;
      int index = slots[slot(name)];
      return index == 0 ? Optional.empty() : Optional.of(variables.get(index - 1).value());
    }

    /** Starts remembering every put, and whether anything read the variables so far. */
    void startRecording() {
      recorded = new ArrayList<>();
      lookedUp = false;
    }

    /**
     * The puts since {@link #startRecording}, or null when something read the variables so far (the
     * puts then depend on this job and cannot be shared).
     */
    List<EnvVar> stopRecording() {
      List<EnvVar> puts = recorded;
      recorded = null;
      return lookedUp ? null : List.copyOf(puts);
    }

    private int slot(String name) {
      int mask = slots.length - 1;
      int h = name.hashCode() * 0x9E3779B9;
      int i = (h ^ (h >>> 16)) & mask;
      while (slots[i] != 0 && !variables.get(slots[i] - 1).name().equals(name)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      for (int index = 0; index < variables.size(); index++) {
        slots[slot(variables.get(index).name())] = index + 1;
      }
    }

    /** Hands the collected variables over; the builder must not be used afterwards. */
    JobEnv build() {
      return new JobEnv(List.copyOf(variables));
    }
  }
}
