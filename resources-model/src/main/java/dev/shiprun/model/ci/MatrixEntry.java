package dev.shiprun.model.ci;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry of {@code matrix.include}, {@code exclude} or {@code allow_failures}: a language version
 * (under the language's version key, e.g. {@code node_js: "10"}), a ruby {@code gemfile} and/or an
 * {@code env} entry. What it leaves out matches anything.
 */
public record MatrixEntry(
    Optional<String> version, Optional<String> gemfile, Optional<EnvEntry> env, SourceLocation at) {

  public MatrixEntry {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(gemfile, "gemfile");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(at, "at");
  }

  /** True when this entry names what {@code job} has, for each part it names. */
  boolean matches(
      Optional<String> jobVersion, Optional<String> jobGemfile, Optional<EnvEntry> jobEnv) {
    boolean versionOk = version.isEmpty() || version.equals(jobVersion);
    boolean envOk =
        env.isEmpty() || jobEnv.isPresent() && env.get().key().equals(jobEnv.get().key());
    boolean gemfileOk = gemfile.isEmpty() || gemfile.equals(jobGemfile);
    return versionOk && gemfileOk && envOk;
  }
}
