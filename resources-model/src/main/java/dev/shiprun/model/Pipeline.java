package dev.shiprun.model;

import dev.shiprun.model.ci.RepositoryCi;
import dev.shiprun.model.diagnostic.SourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from an assembly line's YAML files, merged, in file order. Not yet validated:
 * names may repeat and references may dangle (see {@code PipelineValidator}).
 */
public final class Pipeline {

  private final List<Resource> resources;
  private final List<Job> jobs;
  private final SourceSet sources;
  private final List<SecureValue> ciSecureValues;
  private final Optional<RepositoryCi> ci;
  private final Map<String, Resource> resourcesByName = new HashMap<>();
  private final Map<String, Job> jobsByName = new HashMap<>();

  public Pipeline(List<Resource> resources, List<Job> jobs, SourceSet sources) {
    this(resources, jobs, sources, List.of());
  }

  /** With the {@code secure:} values found in the CI {@code env:} of the files. */
  public Pipeline(
      List<Resource> resources,
      List<Job> jobs,
      SourceSet sources,
      List<SecureValue> ciSecureValues) {
    this(resources, jobs, sources, ciSecureValues, Optional.empty());
  }

  /** With the CI part of the shippable.yml at the root of the line's own repository. */
  public Pipeline(
      List<Resource> resources,
      List<Job> jobs,
      SourceSet sources,
      List<SecureValue> ciSecureValues,
      Optional<RepositoryCi> ci) {
    this.ci = Objects.requireNonNull(ci, "ci");
    this.ciSecureValues = List.copyOf(ciSecureValues);
    this.resources = List.copyOf(resources);
    this.jobs = List.copyOf(jobs);
    this.sources = Objects.requireNonNull(sources, "sources");
    // The first definition wins; duplicates are reported by the validator.
    for (Resource r : this.resources) {
      resourcesByName.putIfAbsent(r.name(), r);
    }
    for (Job j : this.jobs) {
      jobsByName.putIfAbsent(j.name(), j);
    }
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<Job> jobs() {
    return jobs;
  }

  public SourceSet sources() {
    return sources;
  }

  /** The {@code secure:} values of the CI {@code env:} of the files. */
  public List<SecureValue> ciSecureValues() {
    return ciSecureValues;
  }

  /**
   * The CI part of the shippable.yml at the root of the line's own repository, when it has CI keys
   * and the line was read from that folder.
   */
  public Optional<RepositoryCi> ci() {
    return ci;
  }

  /** The same line with {@code sources} instead of its own. */
  public Pipeline withSources(SourceSet sources) {
    return new Pipeline(resources, jobs, sources, ciSecureValues, ci);
  }

  /** Every {@code secure:} value: those of params resources, then those of CI {@code env:}. */
  public List<SecureValue> secureValues() {
    List<SecureValue> out = new ArrayList<>();
    for (Resource r : resources) {
      r.asParams()
          .flatMap(ParamsResource::secure)
          .ifPresent(s -> out.add(new SecureValue(SecureValue.Origin.PARAMS, r.name(), s)));
    }
    out.addAll(ciSecureValues);
    return out;
  }

  public Optional<Resource> resource(String name) {
    return Optional.ofNullable(resourcesByName.get(name));
  }

  public Optional<Job> job(String name) {
    return Optional.ofNullable(jobsByName.get(name));
  }
}
