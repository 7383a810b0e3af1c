package dev.shiprun.model.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands a CI config into its matrix jobs (spec §2.2): each language version × each ruby gemfile ×
 * each {@code env.matrix} entry, in that order (versions outermost); {@code exclude} removes the
 * combinations it matches, {@code include} adds its entries after them, {@code allow_failures}
 * marks the jobs it matches. Jobs are numbered 1..k as built. {@code env.global} goes into every
 * job and never makes one. With no dimension at all the product is one job without a version,
 * unless {@code include} lists the jobs itself. An include that names no version (or gemfile) runs
 * the first listed one. Stateless.
 */
public final class Matrix {

  private Matrix() {}

  private record Cell(Optional<String> version, Optional<String> gemfile, Optional<EnvEntry> env) {}

  public static List<MatrixJob> expand(CiConfig config) {
    List<Optional<String>> versions =
        config.versions().isEmpty()
            ? List.of(Optional.empty())
            : config.versions().stream().map(Optional::of).toList();
    List<Optional<String>> gemfiles =
        config.gemfiles().isEmpty()
            ? List.of(Optional.empty())
            : config.gemfiles().stream().map(Optional::of).toList();
    List<Optional<EnvEntry>> envs =
        config.env().matrix().isEmpty()
            ? List.of(Optional.empty())
            : config.env().matrix().stream().map(Optional::of).toList();
    MatrixRules rules = config.matrix();
    boolean emptyProduct =
        config.versions().isEmpty()
            && config.gemfiles().isEmpty()
            && config.env().matrix().isEmpty();
    List<Cell> cells = new ArrayList<>();
    if (!(emptyProduct && !rules.include().isEmpty())) {
      for (Optional<String> version : versions) {
        for (Optional<String> gemfile : gemfiles) {
          for (Optional<EnvEntry> env : envs) {
            if (rules.exclude().stream().noneMatch(x -> x.matches(version, gemfile, env))) {
              cells.add(new Cell(version, gemfile, env));
            }
          }
        }
      }
    }
    for (MatrixEntry include : rules.include()) {
      Optional<String> version = include.version().or(() -> config.versions().stream().findFirst());
      Optional<String> gemfile = include.gemfile().or(() -> config.gemfiles().stream().findFirst());
      cells.add(new Cell(version, gemfile, include.env()));
    }
    List<MatrixJob> jobs = new ArrayList<>();
    for (Cell cell : cells) {
      List<EnvItem> env = new ArrayList<>();
      config.env().global().forEach(g -> env.addAll(g.items()));
      cell.env().ifPresent(e -> env.addAll(e.items()));
      boolean allowFailure =
          rules.allowFailures().stream()
              .anyMatch(a -> a.matches(cell.version(), cell.gemfile(), cell.env()));
      jobs.add(new MatrixJob(jobs.size() + 1, cell.version(), cell.gemfile(), env, allowFailure));
    }
    return jobs;
  }
}
