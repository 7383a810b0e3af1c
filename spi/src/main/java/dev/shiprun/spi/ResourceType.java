package dev.shiprun.spi;

import dev.shiprun.model.Resource;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * One resource type (spec §3): everything shiprun does for a resource of this {@code type:} — the
 * version its YAML gives, what an IN or OUT of it finds in the build folder, the variables it adds,
 * the version a job's run posts for it, and whether a new version triggers the jobs that read it.
 * The engine never asks which kind a resource is; it asks the resource's type. Every method has the
 * behaviour of a plain resource (file, image …) as its default, so a type overrides only what
 * differs. Implementations are stateless and thread-safe: one instance serves every run.
 */
public interface ResourceType extends Plugin {

  /**
   * The version the YAML gives (spec §1.5 (a)): posted as the resource's first version, and again
   * whenever the definition changes. Empty when its versions come only from jobs or from outside
   * (state, gitRepo). The default: {@link Seed#of(Resource)}.
   */
  default Optional<Seed> seed(Resource resource) {
    return Optional.of(Seed.of(resource));
  }

  /**
   * Writes what an IN or OUT of this type finds in its folder besides {@code version.json} and its
   * integration files (which shiprun writes for every type), before the job's first TASK.
   */
  default void materialise(Dependency dependency) throws IOException {}

  /**
   * The variables an IN or OUT of this type adds after the common {@code <NAME>_*} set (spec §3.7),
   * by full name. Called for {@code shiprun plan} too, where the folder does not exist and the
   * version is the YAML's seed (its versionName only).
   */
  default Map<String, String> variables(Dependency dependency) {
    return Map.of();
  }

  /**
   * The version a successful run posts for an OUT of this type (spec §1.5.1); shiprun posts it only
   * when its versionName or properties differ from the latest version's. The default is the spec's
   * rule, {@link OutRun#standard()}.
   */
  default ResourceVersion out(OutRun out) throws IOException {
    return out.standard();
  }

  /**
   * The properties an OUT that {@code replicate}s a version of this type copies from it (its
   * versionName is always copied). The default: all of them.
   */
  default Map<String, Object> replicated(ResourceVersion source) {
    return source.propertyBag();
  }

  /**
   * Whether a new version triggers the jobs that read it with {@code switch} on. State resources'
   * do not (the model also keeps them out of the line's trigger edges).
   */
  default boolean triggersJobs() {
    return true;
  }

  /**
   * Where versions come from when no job writes them, for the message a job that reads a resource
   * without one gets; empty when they come from jobs and the YAML only.
   */
  default Optional<VersionSource> versionSource() {
    return Optional.empty();
  }
}
