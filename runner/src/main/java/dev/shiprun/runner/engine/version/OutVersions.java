package dev.shiprun.runner.engine.version;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Job;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.engine.workspace.EnvFile;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.StateArchive;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import dev.shiprun.spi.OutRun;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.SavedFiles;
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
 * in step order. The OUT's resource type makes that version ({@code ResourceType.out}: by default
 * the latest version, {@code overwrite}, {@code replicate}, then {@code $JOB_STATE/<res>.env}); a
 * replicate copies what the replicated resource's type lets it.
 */
public final class OutVersions {

  /** Not compared when deciding whether anything changed. */
  private static final Set<String> IGNORED = Set.of("trace", "sourceObjectId", "sourceObjectType");

  private final ObjectMapper json;
  private final ResourceTypes types;

  public OutVersions(ObjectMapper json, ResourceTypes types) {
    this.json = json;
    this.types = types;
  }

  /** New OUT versions after a successful run; OUTs that did not change are left out. */
  public List<NewVersion> outs(
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
      Optional<ResourceVersion> replica = Optional.empty();
      if (step.replicate().isPresent()) {
        String from = step.replicate().get().name();
        replica =
            inputs
                .of(from)
                .map(
                    v -> {
                      ResourceVersion source = typeVersion(v);
                      Map<String, Object> copied =
                          al.resource(from)
                              .map(f -> types.of(f).replicated(source))
                              .orElse(source.propertyBag());
                      return new ResourceVersion(source.versionName(), copied);
                    });
      }
      OutRun run =
          new OutRun(
              r,
              ws.dependency("OUT", step.name()),
              latest.map(OutVersions::typeVersion),
              step.overwrite(),
              replica,
              EnvFile.read(ws.state().resolve(step.name() + ".env")),
              StateArchive::pack);
      ResourceVersion made = types.of(r).out(run);
      Optional<String> name = made.versionName();
      Map<String, Object> bag = new LinkedHashMap<>(made.propertyBag());
      Optional<StateArchive.Packed> files = made.files().map(f -> packed(r, f));
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

  private static ResourceVersion typeVersion(StoredVersion v) {
    return new ResourceVersion(v.versionName(), v.propertyBag());
  }

  /** Files a type made with {@link OutRun#pack}, the only way a version gets files. */
  private static StateArchive.Packed packed(Resource r, SavedFiles files) {
    if (files instanceof StateArchive.Packed p) {
      return p;
    }
    throw new IllegalStateException(
        "the " + r.type() + " type made files for '" + r.name() + "' other than by OutRun.pack");
  }

  /**
   * The job's version (spec §1.5.1 "Job version"): the sha of its saved {@code $JOB_STATE} files,
   * the trace, and after a success {@code outputVersion.json} and {@code <job>.env}.
   */
  public NewVersion job(
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

  private static Map<String, Object> comparable(Map<String, Object> bag) {
    Map<String, Object> out = new LinkedHashMap<>(bag);
    IGNORED.forEach(out::remove);
    return out;
  }
}
