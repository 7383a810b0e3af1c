package dev.shiprun.runner.engine.version;

import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions one run reads (spec §1.3.1, §3.3): for each IN the pinned version ({@code
 * versionName}, {@code versionNumber}) or the latest, for each OUT its latest version (what the run
 * starts from), and the job's own latest version (its previous state).
 */
public record RunInputs(
    Map<String, StoredVersion> dependencies,
    Optional<StoredVersion> previous,
    Map<String, Long> ids,
    Map<Long, byte[]> savedFiles) {

  public RunInputs {
    dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    ids = Map.copyOf(ids);
    savedFiles = Map.copyOf(savedFiles);
  }

  public Optional<StoredVersion> of(String name) {
    return Optional.ofNullable(dependencies.get(name));
  }

  /**
   * The saved files of an IN version or of the previous job version (read with the versions, in the
   * same transaction, so the build folder needs no second one).
   */
  public Optional<byte[]> savedFiles(StoredVersion version) {
    return Optional.ofNullable(savedFiles.get(version.id()));
  }

  /**
   * @param known the ids read before (they never change); the caller remembers {@link #ids()} once
   *     the transaction committed
   * @param types say where versions come from when an IN has none
   */
  public static RunInputs resolve(
      Connection c,
      Store store,
      ResourceIds known,
      String line,
      AssemblyLine al,
      Job job,
      ResourceTypes types)
      throws SQLException, SetupError {
    Map<String, StoredVersion> found = new LinkedHashMap<>();
    for (InStep in : job.ins()) {
      Optional<StoredVersion> v;
      if (in.versionName().isPresent()) {
        v = store.versions().byName(c, line, in.name(), in.versionName().get());
        if (v.isEmpty()) {
          throw new SetupError(
              "IN '"
                  + in.name()
                  + "' pins versionName '"
                  + in.versionName().get()
                  + "', which it has no version of; see `shiprun versions "
                  + in.name()
                  + "` and pin one that exists");
        }
      } else if (in.versionNumber().isPresent()) {
        long number = in.versionNumber().getAsLong();
        v = store.versions().byNumber(c, line, in.name(), (int) number);
        if (v.isEmpty()) {
          throw new SetupError(
              "IN '"
                  + in.name()
                  + "' pins versionNumber "
                  + number
                  + ", which does not exist; see `shiprun versions "
                  + in.name()
                  + "`");
        }
      } else {
        v = store.versions().latest(c, line, in.name());
      }
      Optional<Resource> resource = al.resource(in.name());
      if (v.isEmpty() && !resource.map(Resource::isState).orElse(false)) {
        throw new SetupError(
            "IN '"
                + in.name()
                + "' has no version yet"
                + (resource.isEmpty()
                        && al.job(in.name()).filter(j -> !j.runByShiprun()).isPresent()
                    ? "; job '"
                        + in.name()
                        + "' is a "
                        + al.job(in.name()).get().type()
                        + (al.job(in.name()).get().type().equals("runCI")
                            ? " job of another repository; only a run of that repository's CI"
                                + " makes it: run shiprun in that repository, or trigger it"
                            : " job, which shiprun does not run (see 'shiprun plan')")
                    : resource.isEmpty()
                        ? "; job '" + in.name() + "' has not run yet: run it first"
                        : types
                            .of(resource.get())
                            .versionSource()
                            .map(source -> "; " + source.what() + ": " + source.check())
                            .orElse(
                                "; run the job that writes it first, or give it a"
                                    + " seed/versionTemplate")));
      }
      v.ifPresent(version -> found.put(in.name(), version));
    }
    for (OutStep out : job.outs()) {
      store.versions().latest(c, line, out.name()).ifPresent(v -> found.putIfAbsent(out.name(), v));
    }
    Map<String, Long> ids = new LinkedHashMap<>();
    ids.put(job.name(), id(c, store, known, line, job.name()));
    for (Step step : job.steps()) {
      String name =
          step instanceof InStep in ? in.name() : step instanceof OutStep out ? out.name() : null;
      if (name != null) {
        ids.put(name, id(c, store, known, line, name));
      }
    }
    Optional<StoredVersion> previous = store.versions().latest(c, line, job.name());
    Map<Long, byte[]> saved = new HashMap<>();
    List<StoredVersion> withFiles = new ArrayList<>();
    for (InStep in : job.ins()) {
      Optional.ofNullable(found.get(in.name())).ifPresent(withFiles::add);
    }
    previous.ifPresent(withFiles::add);
    for (StoredVersion v : withFiles) {
      if (v.filesSha().isPresent() && !saved.containsKey(v.id())) {
        store.versions().files(c, v.id()).ifPresent(bytes -> saved.put(v.id(), bytes));
      }
    }
    return new RunInputs(found, previous, ids, saved);
  }

  private static long id(Connection c, Store store, ResourceIds known, String line, String name)
      throws SQLException {
    Optional<Long> id = known.of(line, name);
    return id.isPresent() ? id.get() : store.versions().resourceId(c, line, name);
  }
}
