package dev.shiprun.model.ci;

import java.util.List;
import java.util.Objects;

/**
 * The CI part of a repository's shippable.yml (spec §2.2), as far as a build needs it.
 *
 * @param language {@code language:}, ruby when missing
 * @param versions the language's versions (its version key, e.g. {@code node_js:}); empty when
 *     unset
 * @param gemfiles a ruby build's {@code gemfile:} list, a matrix dimension after the versions;
 *     empty for other languages
 */
public record CiConfig(
    String language,
    List<String> versions,
    List<String> gemfiles,
    CiEnv env,
    MatrixRules matrix,
    CiBuild build,
    Branches branches,
    List<String> services,
    CiIntegrations integrations) {

  public CiConfig {
    Objects.requireNonNull(language, "language");
    versions = List.copyOf(versions);
    gemfiles = List.copyOf(gemfiles);
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(branches, "branches");
    services = List.copyOf(services);
    Objects.requireNonNull(integrations, "integrations");
  }
}
