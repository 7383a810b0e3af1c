package dev.shiprun.runner.engine.log;

import dev.shiprun.runner.store.NewVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The rule for the versions a run is about to post: none may hold a secret, because everyone who
 * reads versions sees them. Says in the run's log which fields of which version carry whose secret,
 * never the value; then either refuses (the run fails with that as its reason) or, with {@code
 * --store-masked-versions}, lets them be stored masked.
 */
public final class PostedSecrets {

  private final VersionMask mask;
  private final UnaryOperator<String> sourceOf;
  private final JobLog log;
  private final boolean storeMasked;

  public PostedSecrets(
      VersionMask mask, UnaryOperator<String> sourceOf, JobLog log, boolean storeMasked) {
    this.mask = mask;
    this.sourceOf = sourceOf;
    this.log = log;
    this.storeMasked = storeMasked;
  }

  /** Why the versions are refused, as the run's reason; empty when they may be stored. */
  public Optional<String> refusal(NewVersion jobVersion, List<NewVersion> outs) {
    List<String> found = new ArrayList<>();
    for (NewVersion v : outs) {
      describe("out '" + v.name() + "'", v).ifPresent(found::add);
    }
    describe("job '" + jobVersion.name() + "'", jobVersion).ifPresent(found::add);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    found.forEach(
        f -> log.runner(f + (storeMasked ? "; stored with the secret as ***" : "; not stored")));
    if (storeMasked) {
      return Optional.empty();
    }
    return Optional.of(
        String.join("; ", found)
            + "; not stored: a version may not hold a secret, as everyone who reads versions sees"
            + " it; post a value that is not one, or run with --store-masked-versions to store it"
            + " as ***");
  }

  /** {@code out 'app': versionName carries a secret of integration 'hub', property 'x' …}. */
  private Optional<String> describe(String version, NewVersion v) {
    List<VersionMask.Leak> leaks = mask.leaks(v, sourceOf);
    if (leaks.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (VersionMask.Leak l : leaks) {
      parts.add(l.field() + " carries " + l.source());
    }
    return Optional.of(version + ": " + String.join(", ", parts));
  }
}
