package dev.shiprun.runner.engine.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Job;
import dev.shiprun.model.Named;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.Resource;
import dev.shiprun.model.Step;
import dev.shiprun.model.env.EnvValue;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.env.Envsubst;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.runner.engine.version.RunInputs;
import dev.shiprun.runner.engine.workspace.Workspace;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.StateArchive;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.SavedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills a run's build folder before the first TASK (spec §1.6 step 7, §5): per IN and OUT its
 * folder with {@code version.json} (templated, §3.9), integration files and key files (§3.5), the
 * state folder, and what the resource's type writes there ({@code ResourceType.materialise}: a
 * params file, a state resource's files); the files of IN jobs (§3.4); the previous state of the
 * job; an empty {@code state/<dep>.env} per dependency; {@code message.json}; the job's direct
 * integrations.
 */
final class WorkspaceWriter {

  /** Reads the saved files of a version (job state, state resource files). */
  interface StoredFiles {
    Optional<byte[]> of(StoredVersion version);
  }

  private final ObjectMapper json;
  private final ResourceTypes types;

  WorkspaceWriter(ObjectMapper json, ResourceTypes types) {
    this.json = json;
    this.types = types;
  }

  void write(
      Workspace ws,
      AssemblyLine line,
      Job job,
      RunInputs inputs,
      JobEnv env,
      Map<String, Integration> integrations,
      StoredFiles files,
      int buildNumber)
      throws IOException {
    List<Object> dependencies = new ArrayList<>();
    for (Step step : job.steps()) {
      String operation;
      String name;
      Map<String, Object> stepOptions;
      if (step instanceof InStep in) {
        operation = "IN";
        name = in.name();
        stepOptions = plain(in.options());
      } else if (step instanceof OutStep out) {
        operation = "OUT";
        name = out.name();
        stepOptions = plain(out.options());
      } else {
        continue;
      }
      Path folder = ws.dependency(operation, name);
      Files.createDirectories(folder);
      Files.writeString(ws.state().resolve(name + ".env"), "", StandardCharsets.UTF_8);
      Optional<Resource> resource = line.resource(name);
      Optional<StoredVersion> version = inputs.of(name);
      Map<String, Object> dependency = new LinkedHashMap<>();
      dependency.put("operation", operation);
      dependency.put("name", name);
      if (resource.isPresent()) {
        Resource r = resource.get();
        dependency.put("type", r.type());
        dependency.put("isJob", false);
        Function<String, EnvValue> template =
            r.isTemplated() ? templateBefore(env, operation + " " + name) : EnvValue.Plain::new;
        Map<String, Object> yml = templated(r.yml(), template);
        dependency.put("propertyBag", Map.of("yml", yml));
        r.definition()
            .text("sourceName")
            .ifPresent(s -> dependency.put("sourceName", reveal(template.apply(s))));
        if (r.hasStateFolder()) {
          Files.createDirectories(folder.resolve(r.type()));
        }
        types
            .of(r)
            .materialise(
                new Dependency(r, operation, folder, version.map(v -> typeVersion(v, files))));
        Optional<Integration> integration = r.integration().map(i -> integrations.get(i.name()));
        if (integration.isPresent()) {
          writeIntegration(folder, name, integration.get());
        }
      } else {
        Job upstream = line.job(name).orElseThrow();
        dependency.put("type", upstream.type());
        dependency.put("isJob", true);
        dependency.put("propertyBag", Map.of());
        Path state = folder.resolve(upstream.type());
        Files.createDirectories(state);
        if (operation.equals("IN") && version.isPresent()) {
          Optional<byte[]> saved = files.of(version.get());
          if (saved.isPresent()) {
            StateArchive.unpack(saved.get(), state);
          }
        }
      }
      dependency.put("isConsistent", true);
      version.ifPresent(v -> dependency.put("version", version(v)));
      dependency.put("versionDependencyPropertyBag", stepOptions);
      Map<String, Object> stepShape = new LinkedHashMap<>(stepOptions);
      stepShape.put(operation, name);
      dependency.put("step", stepShape);
      json.writerWithDefaultPrettyPrinter()
          .writeValue(folder.resolve("version.json").toFile(), dependency);
      dependencies.add(dependency);
    }
    if (inputs.previous().isPresent()) {
      Optional<byte[]> saved = files.of(inputs.previous().get());
      if (saved.isPresent()) {
        StateArchive.unpack(saved.get(), ws.previousState());
      }
    }
    for (Named direct : job.header().integrations()) {
      Integration integration = integrations.get(direct.name());
      if (integration != null) {
        Path folder = ws.integrations().resolve(direct.name());
        Files.createDirectories(folder);
        writeIntegration(folder, direct.name(), integration);
      }
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("name", job.name());
    message.put("type", job.type());
    message.put("path", ws.root().toString());
    message.put("buildNumber", buildNumber);
    message.put("dependencies", dependencies);
    message.put("propertyBag", Map.of());
    json.writerWithDefaultPrettyPrinter().writeValue(ws.message().toFile(), message);
  }

  /**
   * The folder of a notification resource the job only NOTIFYs, laid out as an IN's (its
   * integration files), where {@code shipctl notify} looks for them; not listed in message.json.
   */
  void writeNotifyTarget(Workspace ws, Resource resource, Map<String, Integration> integrations)
      throws IOException {
    Path folder = ws.dependency("IN", resource.name());
    Files.createDirectories(folder);
    Optional<Integration> integration = resource.integration().map(i -> integrations.get(i.name()));
    if (integration.isPresent()) {
      writeIntegration(folder, resource.name(), integration.get());
    }
  }

  private static Map<String, Object> version(StoredVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("versionId", v.id());
    out.put("versionNumber", v.number());
    out.put("versionName", v.versionName().orElse(null));
    out.put("propertyBag", v.propertyBag());
    return out;
  }

  /**
   * The variables a dependency's templating sees (spec §3.9): those the job had before this
   * dependency's own, in the order of spec §3.6.
   */
  private static Function<String, EnvValue> templateBefore(JobEnv env, String origin) {
    Map<String, EnvValue> before = new HashMap<>();
    for (EnvVar v : env.variables()) {
      if (v.origin().equals(origin)) {
        break;
      }
      before.put(v.name(), v.value());
    }
    return text -> Envsubst.apply(text, name -> Optional.ofNullable(before.get(name)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templated(
      Map<String, Object> yml, Function<String, EnvValue> template) {
    Map<String, Object> out = new LinkedHashMap<>();
    yml.forEach((k, v) -> out.put(k, templatedValue(v, template)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object templatedValue(Object value, Function<String, EnvValue> template) {
    if (value instanceof String s) {
      return reveal(template.apply(s));
    }
    if (value instanceof Map<?, ?> m) {
      return templated((Map<String, Object>) m, template);
    }
    if (value instanceof List<?> l) {
      return l.stream().map(item -> templatedValue(item, template)).toList();
    }
    return value;
  }

  /** The file is private to the run: a secret that templating took in is written as it is. */
  private static String reveal(EnvValue value) {
    return value instanceof EnvValue.Hidden h
        ? h.secret().reveal()
        : ((EnvValue.Plain) value).text();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(YamlMapping options) {
    return (Map<String, Object>) options.toPlain();
  }

  /** A stored version as a resource type sees it, with its saved files. */
  private static ResourceVersion typeVersion(StoredVersion v, StoredFiles files) {
    Optional<SavedFiles> saved =
        v.filesSha().flatMap(sha -> files.of(v).map(bytes -> new StateArchive.Packed(bytes, sha)));
    return new ResourceVersion(v.versionName(), v.propertyBag(), saved);
  }

  /**
   * integration.json (every field, key-value entries flattened, with masterName), integration.env
   * ({@code key="value"}, without masterName) and the key files of SSH and PEM keys, 0600 (spec
   * §3.5). The folder is private to the run.
   */
  private void writeIntegration(Path folder, String keyBase, Integration integration)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, FieldValue> f : integration.effectiveFields().entrySet()) {
      FieldValue value = f.getValue();
      if (value instanceof FieldValue.Text t) {
        fields.put(f.getKey(), t.value());
      } else if (value instanceof FieldValue.Hidden h) {
        fields.put(f.getKey(), h.value().reveal());
      } else if (value instanceof FieldValue.Entries entries) {
        entries.values().forEach((k, secret) -> fields.put(k, secret.reveal()));
      }
    }
    Map<String, Object> document = new LinkedHashMap<>(fields);
    document.put("masterName", integration.type().masterName());
    document.put("name", integration.name());
    writePrivate(folder.resolve("integration.json"), json.writeValueAsString(document));
    StringBuilder envText = new StringBuilder();
    fields.forEach((k, v) -> envText.append(k).append("=\"").append(v).append("\"\n"));
    writePrivate(folder.resolve("integration.env"), envText.toString());
    switch (integration.type().masterName()) {
      case "sshKey" -> {
        writePrivate(folder.resolve(keyBase + "_key"), fields.getOrDefault("privateKey", ""));
        writePrivate(folder.resolve(keyBase + "_key.pub"), fields.getOrDefault("publicKey", ""));
      }
      case "pemKey" ->
          writePrivate(folder.resolve(keyBase + "_key.pem"), fields.getOrDefault("key", ""));
      default -> {}
    }
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
