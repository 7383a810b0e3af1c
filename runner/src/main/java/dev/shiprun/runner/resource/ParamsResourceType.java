package dev.shiprun.runner.resource;

import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.env.JsonText;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.OutRun;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code params}: key/values for jobs. Its versions come from the YAML alone ({@code params} among
 * the properties); an IN finds them as {@code KEY=value} lines in {@code <NAME>_PATH/params}; a
 * job's {@code $JOB_STATE/<name>.env} lines set params (not properties), and {@code overwrite}
 * starts from none. {@link ResourceTypes} gives it params resources only.
 */
public final class ParamsResourceType implements ResourceType {

  @Override
  public String name() {
    return "params";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    ResourceVersion plain = Seed.of(resource).version();
    Map<String, Object> bag = new LinkedHashMap<>(plain.propertyBag());
    bag.put("params", params(resource).params().toPlain());
    return Optional.of(new Seed(new ResourceVersion(plain.versionName(), bag), true));
  }

  /** {@code KEY=value} lines: the version's params when a job wrote them, else the YAML's. */
  @Override
  public void materialise(Dependency dependency) throws IOException {
    if (!dependency.isIn()) {
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Object fromVersion = dependency.version().map(v -> v.propertyBag().get("params")).orElse(null);
    if (fromVersion instanceof Map<?, ?> map) {
      map.forEach((k, v) -> values.put(String.valueOf(k), v));
    } else {
      for (YamlEntry e : params(dependency.resource()).params().entries()) {
        values.put(e.name(), e.value().toPlain());
      }
    }
    StringBuilder text = new StringBuilder();
    values.forEach(
        (key, value) -> text.append(key).append('=').append(JsonText.asText(value)).append('\n'));
    Files.writeString(
        dependency.folder().resolve("params"), text.toString(), StandardCharsets.UTF_8);
  }

  @Override
  public ResourceVersion out(OutRun out) {
    ResourceVersion start = out.start(Map.of("params", new LinkedHashMap<String, Object>()));
    Optional<String> name = start.versionName();
    Map<String, Object> bag = new LinkedHashMap<>(start.propertyBag());
    for (Map.Entry<String, String> e : out.stateEnv().entrySet()) {
      if (e.getKey().equals("versionName")) {
        name = Optional.of(e.getValue());
      } else {
        params(bag).put(e.getKey(), e.getValue());
      }
    }
    return new ResourceVersion(name, bag);
  }

  private static ParamsResource params(Resource resource) {
    return resource
        .asParams()
        .orElseThrow(() -> new IllegalArgumentException(resource.name() + " is not params"));
  }

  /** The bag's params as a map of its own that the caller may change. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> bag) {
    Map<String, Object> params =
        bag.get("params") instanceof Map<?, ?> m
            ? new LinkedHashMap<>((Map<String, Object>) m)
            : new LinkedHashMap<>();
    bag.put("params", params);
    return params;
  }
}
