package dev.shiprun.runner.plugin;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A name a plugin adds to its kind, and the other names users may write for the same thing (an
 * integration type's display name and aliases). No two plugins of one kind may share any of them,
 * whatever their case.
 */
public record PluginName(String name, List<String> aliases) {

  public PluginName {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }

  static PluginName of(String name) {
    return new PluginName(name, List.of());
  }

  /** The name first, then the aliases. */
  List<String> all() {
    return Stream.concat(Stream.of(name), aliases.stream()).toList();
  }
}
