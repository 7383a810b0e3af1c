package dev.shiprun.runner.plugin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One name a loaded plugin adds, as {@code shiprun plugins} lists it.
 *
 * @param name the name the YAML or the settings use
 * @param kind the kind's word, e.g. {@code resource type}
 * @param version the jar's {@code Implementation-Version}; {@link #BUILT_IN} for shiprun's own
 * @param jar the plugin's jar; empty for shiprun's own
 */
public record LoadedPlugin(String name, String kind, String version, Optional<Path> jar) {

  /** The version of shiprun's own plugins. */
  public static final String BUILT_IN = "built-in";

  public LoadedPlugin {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(jar, "jar");
  }
}
