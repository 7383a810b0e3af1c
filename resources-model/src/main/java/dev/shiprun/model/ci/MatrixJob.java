package dev.shiprun.model.ci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One job of a CI build's matrix: build N's job {@code N.number}.
 *
 * @param env {@code env.global} first, then the job's matrix entry
 * @param allowFailure true when an {@code allow_failures} entry matches: its failure does not fail
 *     the build
 */
public record MatrixJob(
    int number,
    Optional<String> version,
    Optional<String> gemfile,
    List<EnvItem> env,
    boolean allowFailure) {

  public MatrixJob {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(gemfile, "gemfile");
    env = List.copyOf(env);
  }
}
