package dev.shiprun.model.env;

import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variables of one IN or OUT resource (spec §3.3, §3.7): paths, name, type, operation, version,
 * sourceName, flattened pointer and seed, params.
 */
final class ResourceEnv {

  private ResourceEnv() {}

  static void add(
      JobEnv.Builder env,
      String prefix,
      String folder,
      Resource resource,
      String operation,
      Optional<ResourceVersion> version) {
    String origin = operation + " " + resource.name();
    env.put(prefix + "_NAME", resource.name(), origin);
    env.put(prefix + "_TYPE", resource.type(), origin);
    env.put(prefix + "_OPERATION", operation, origin);
    env.put(prefix + "_PATH", folder, origin);
    env.put(prefix + "_META", folder, origin);
    if (resource.hasStateFolder()) {
      env.put(prefix + "_STATE", folder + "/" + resource.type(), origin);
    }
    version.ifPresent(v -> addVersion(env, prefix, v, origin));
    ResourceDefinition d = resource.definition();
    // Templating (spec §3.9) sees the variables so far: not this resource's own values below.
    Function<String, EnvValue> template = text -> Envsubst.apply(text, env::value);
    d.text("sourceName").ifPresent(s -> env.put(prefix + "_SOURCENAME", template.apply(s), origin));
    d.pointer().ifPresent(p -> flatten(env, prefix + "_POINTER", p, template, origin));
    d.seed().ifPresent(s -> flatten(env, prefix + "_SEED", s, template, origin));
    d.versionTemplate()
        .ifPresent(
            t -> {
              // Latest syntax: pointer-like keys read as POINTER, seed-like as SEED (spec §9, 6).
              for (YamlEntry e : t.entries()) {
                if (e.name().equals("params")) {
                  continue;
                }
                String section =
                    ResourceDefinition.SEED_LIKE_KEYS.contains(e.name()) ? "_SEED" : "_POINTER";
                flatten(
                    env,
                    prefix + section + "_" + EnvNames.field(e.name()),
                    e.value(),
                    template,
                    origin);
              }
            });
  }

  static void addVersion(JobEnv.Builder env, String prefix, ResourceVersion v, String origin) {
    v.versionName().ifPresent(n -> env.put(prefix + "_VERSIONNAME", n, origin));
    v.versionNumber().ifPresent(n -> env.put(prefix + "_VERSIONNUMBER", Long.toString(n), origin));
    v.versionId().ifPresent(n -> env.put(prefix + "_VERSIONID", Long.toString(n), origin));
  }

  /** {@code <NAME>_PARAMS_<KEY>} for an IN params resource. */
  static void addParams(
      JobEnv.Builder env,
      String prefix,
      ParamsResource params,
      Optional<ResourceVersion> version,
      String origin) {
    values(params, version)
        .forEach((key, value) -> env.put(prefix + "_PARAMS_" + EnvNames.field(key), value, origin));
  }

  /** The raw {@code KEY=value} params variables, which go first (spec §3.6). */
  static List<String[]> rawParams(ParamsResource params, Optional<ResourceVersion> version) {
    List<String[]> out = new ArrayList<>();
    values(params, version)
        .forEach((key, value) -> out.add(new String[] {EnvNames.sanitize(key), value}));
    return out;
  }

  /** The version's values when it has its own (a job wrote them), else the YAML's. */
  private static Map<String, String> values(
      ParamsResource params, Optional<ResourceVersion> version) {
    Optional<Map<String, String>> fromVersion = version.flatMap(ResourceVersion::params);
    if (fromVersion.isPresent()) {
      return fromVersion.get();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YamlEntry e : params.params().entries()) {
      out.put(e.name(), text(e.value()));
    }
    return out;
  }

  private static void flatten(
      JobEnv.Builder env,
      String name,
      YamlValue value,
      Function<String, EnvValue> template,
      String origin) {
    if (value instanceof YamlMapping m) {
      for (YamlEntry e : m.entries()) {
        flatten(env, name + "_" + EnvNames.field(e.name()), e.value(), template, origin);
      }
    } else if (value instanceof YamlSequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        flatten(env, name + "_" + i, s.items().get(i), template, origin);
      }
    } else if (value instanceof YamlScalar s) {
      env.put(name, template.apply(s.isNull() ? "" : s.text()), origin);
    } else {
      throw new AssertionError(value);
    }
  }

  /** Scalars as written; lists and mappings as JSON, as Shippable stringified them. */
  static String text(YamlValue value) {
    if (value instanceof YamlScalar s) {
      return s.isNull() ? "" : s.text();
    }
    return JsonText.stringify(value.toPlain());
  }
}
