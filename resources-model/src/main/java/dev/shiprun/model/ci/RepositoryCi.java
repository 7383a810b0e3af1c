package dev.shiprun.model.ci;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The CI part of the shippable.yml at the root of the line's own repository: the runCI job {@code
 * <repository>_runCI} builds it, from versions of {@code <repository>_ciRepo} that shiprun makes
 * from the repository's git.
 *
 * @param repository the repository's name, as the runCI job and ciRepo names use it
 * @param file the shippable.yml it was read from, as the user named it
 * @param at where its CI keys start
 * @param folder the repository's folder on disk; empty when the line was not read from a folder
 */
public record RepositoryCi(
    String repository, String file, SourceLocation at, CiConfig config, Optional<Path> folder) {

  public RepositoryCi {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(folder, "folder");
  }
}
