package dev.shiprun.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.StateArchive;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The versions a finished run posts (spec §1.5.1): the job's own version (every success and
 * failure), and after a success a new version of each OUT whose versionName or properties changed,
 * in step order: start from the latest version, {@code overwrite}, {@code replicate}, then {@code
 * $JOB_STATE/<res>.env}; state resources take the files of {@code OUT/<res>/state}.
 */
final class OutVersions {

  /** propertyBag keys that survive {@code overwrite: true}, and that gitRepo replication copies. */
  private static final Set<String> SHA_KEYS =
      Set.of("shaData", "webhookRequestHeaders", "webhookRequestBody");

  /** Not compared when deciding whether anything changed. */
  private static final Set<String> IGNORED = Set.of("trace", "sourceObjectId", "sourceObjectType");

  private final ObjectMapper json;

  OutVersions(ObjectMapper json) {
    this.json = json;
  }

  /** New OUT versions after a successful run; OUTs that did not change are left out. */
  List<NewVersion> outs(
      String line,
      AssemblyLine al,
      Job job,
      Workspace ws,
      RunInputs inputs,
      long runId,
      List<Object> trace)
      throws IOException {
    List<NewVersion> out = new ArrayList<>();
    for (OutStep step : job.outs()) {
      Optional<Resource> resource = al.resource(step.name());
      if (resource.isEmpty()) {
        continue; // OUT: <job> orders jobs; it has no versions of its own
      }
      Resource r = resource.get();
      Optional<StoredVersion> latest = inputs.of(step.name());
      Optional<String> name = latest.flatMap(StoredVersion::versionName);
      Map<String, Object> bag =
          new LinkedHashMap<>(latest.map(StoredVersion::propertyBag).orElse(Map.of()));
      if (step.overwrite()) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : SHA_KEYS) {
          if (bag.containsKey(key)) {
            kept.put(key, bag.get(key));
          }
        }
        if (r instanceof ParamsResource) {
          kept.put("params", new LinkedHashMap<>());
        }
        bag = kept;
      }
      if (step.replicate().isPresent()) {
        String from = step.replicate().get().name();
        Optional<StoredVersion> source = inputs.of(from);
        if (source.isPresent()) {
          name = source.get().versionName();
          boolean repo = al.resource(from).orElse(null) instanceof GitRepoResource;
          for (Map.Entry<String, Object> e : source.get().propertyBag().entrySet()) {
            if (!repo || SHA_KEYS.contains(e.getKey())) {
              bag.put(e.getKey(), e.getValue());
            }
          }
        }
      }
      for (Map.Entry<String, String> e :
          EnvFile.read(ws.state().resolve(step.name() + ".env")).entrySet()) {
        if (e.getKey().equals("versionName")) {
          name = Optional.of(e.getValue());
        } else if (r instanceof ParamsResource) {
          params(bag).put(e.getKey(), e.getValue());
        } else {
          bag.put(e.getKey(), e.getValue());
        }
      }
      Optional<StateArchive.Packed> files = Optional.empty();
      if (r instanceof StateResource) {
        StateArchive.Packed packed = StateArchive.pack(ws.outState(step.name(), r.type()));
        files = Optional.of(packed);
        name = Optional.of(packed.sha());
        bag.put("shaData", packed.sha());
      }
      boolean changed =
          latest.isEmpty()
              || !Objects.equals(name, latest.get().versionName())
              || !comparable(bag).equals(comparable(latest.get().propertyBag()));
      if (changed) {
        bag.put("trace", trace);
        out.add(
            new NewVersion(
                line, step.name(), VersionKind.RESOURCE, name, bag, files, OptionalLong.of(runId)));
      }
    }
    return out;
  }

  /**
   * The job's version (spec §1.5.1 "Job version"): the sha of its saved {@code $JOB_STATE} files,
   * the trace, and after a success {@code outputVersion.json} and {@code <job>.env}.
   */
  NewVersion job(
      String line, Job job, Workspace ws, boolean success, long runId, List<Object> trace)
      throws IOException {
    StateArchive.Packed files = StateArchive.pack(ws.state());
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("sha", files.sha());
    bag.put("trace", trace);
    Optional<String> name = Optional.empty();
    if (success) {
      Path output = ws.state().resolve("outputVersion.json");
      if (Files.isRegularFile(output)) {
        Object extra = json.readValue(output.toFile(), Object.class);
        if (extra instanceof Map<?, ?> fields) {
          fields.forEach((k, v) -> bag.put(String.valueOf(k), v));
        }
      }
      for (Map.Entry<String, String> e :
          EnvFile.read(ws.state().resolve(job.name() + ".env")).entrySet()) {
        if (e.getKey().equals("versionName")) {
          name = Optional.of(e.getValue());
        } else {
          bag.put(e.getKey(), e.getValue());
        }
      }
    }
    return new NewVersion(
        line, job.name(), VersionKind.JOB, name, bag, Optional.of(files), OptionalLong.of(runId));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> bag) {
    Object params = bag.get("params");
    if (!(params instanceof Map)) {
      params = new LinkedHashMap<String, Object>();
      bag.put("params", params);
    } else {
      params = new LinkedHashMap<>((Map<String, Object>) params);
      bag.put("params", params);
    }
    return (Map<String, Object>) params;
  }

  private static Map<String, Object> comparable(Map<String, Object> bag) {
    Map<String, Object> out = new LinkedHashMap<>(bag);
    IGNORED.forEach(out::remove);
    return out;
  }
}
