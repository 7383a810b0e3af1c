package dev.shiprun.model;

import java.util.Objects;

/** A git repository: {@code sourceName}, {@code branch} … */
public record GitRepoResource(ResourceHeader header) implements Resource {

  public GitRepoResource {
    Objects.requireNonNull(header, "header");
  }
}
