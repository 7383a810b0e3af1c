package dev.shiprun.runner.cli.boot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The two settings of a command line besides its arguments: the user's directory ({@code
 * shiprun.cwd}, which the launcher passes when it starts the JVM elsewhere) and whether internal
 * errors show their stack trace ({@code shiprun.debug}). Each is read as the system property, else
 * the environment variable ({@code SHIPRUN_CWD}, {@code SHIPRUN_DEBUG}).
 */
public record Settings(Optional<String> workingDirectory, boolean debug) {

  private static final List<String> TRUE = List.of("1", "true", "yes", "on");

  /** The settings of this process, from its system properties and environment. */
  public static Settings of(Properties properties, Map<String, String> environment) {
    return new Settings(
        read(properties, environment, "shiprun.cwd", "SHIPRUN_CWD"),
        read(properties, environment, "shiprun.debug", "SHIPRUN_DEBUG")
            .map(v -> TRUE.contains(v.strip().toLowerCase(Locale.ROOT)))
            .orElse(false));
  }

  private static Optional<String> read(
      Properties properties, Map<String, String> environment, String property, String variable) {
    return Optional.ofNullable(properties.getProperty(property))
        .or(() -> Optional.ofNullable(environment.get(variable)));
  }
}
