package dev.shiprun.model;

import java.util.Objects;
import java.util.Optional;

/** A git repository: {@code sourceName}, {@code branch} … */
public record GitRepoResource(ResourceHeader header) implements Resource {

  public GitRepoResource {
    Objects.requireNonNull(header, "header");
  }

  @Override
  public <T> T accept(ResourceVisitor<T> visitor) {
    return visitor.gitRepo(this);
  }

  @Override
  public Optional<GitRepoResource> asGitRepo() {
    return Optional.of(this);
  }
}
