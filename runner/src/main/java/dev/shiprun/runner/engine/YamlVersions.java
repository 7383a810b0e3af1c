package dev.shiprun.runner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.yaml.YamlValue;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Versions that come from the YAML (spec §1.5 (a)): a resource's first version, and a new one
 * whenever its definition (seed, version, versionTemplate, pointer, integration) changes. The
 * definition's sha is remembered per resource, so an unchanged YAML makes nothing new and a version
 * a job posted is not overwritten by the seed.
 *
 * <p>Which resources get one is the planner's rule for "has a version before any run": a YAML that
 * defines a version, params and integration resources, and resources no job writes. state resources
 * start empty; their versions come from jobs.
 */
final class YamlVersions {

  private final ObjectMapper json;

  YamlVersions(ObjectMapper json) {
    this.json = json;
  }

  /** Posts the versions the YAML makes now; returns them (empty when nothing changed). */
  List<StoredVersion> sync(Connection c, Store store, String line, AssemblyLine assemblyLine)
      throws SQLException {
    List<StoredVersion> posted = new ArrayList<>();
    for (Resource r : assemblyLine.resources()) {
      if (r instanceof StateResource || r instanceof GitRepoResource) {
        continue; // their versions come from jobs, and from the repository (GitRepoVersions)
      }
      if (r.type().equals("ciRepo")) {
        continue; // its versions are CI's webhook events, which shiprun does not receive yet
      }
      boolean fromYaml =
          r.definition().definesVersion()
              || r instanceof ParamsResource
              || r instanceof IntegrationResource;
      if (!fromYaml && assemblyLine.isProduced(r.name())) {
        continue;
      }
      String sha = sha(definition(r));
      Optional<String> synced = store.versions().yamlSeed(c, line, r.name());
      if (synced.isPresent() && synced.get().equals(sha)) {
        continue;
      }
      boolean hasVersion = store.versions().latest(c, line, r.name()).isPresent();
      store.versions().putYamlSeed(c, line, r.name(), sha);
      if (hasVersion && !fromYaml) {
        continue;
      }
      posted.add(
          store
              .versions()
              .post(
                  c,
                  new NewVersion(
                      line,
                      r.name(),
                      VersionKind.RESOURCE,
                      versionName(r),
                      propertyBag(r),
                      Optional.empty(),
                      OptionalLong.empty())));
    }
    return posted;
  }

  private static Optional<String> versionName(Resource r) {
    if (r instanceof TriggerResource t) {
      return TriggerVersions.yamlVersionName(t);
    }
    ResourceDefinition d = r.definition();
    return d.seedVersionName().or(() -> d.text("versionName"));
  }

  /** What Shippable kept of the YAML in a version: {@code yml}, sourceName, params. */
  static Map<String, Object> propertyBag(Resource r) {
    Map<String, Object> bag = new LinkedHashMap<>();
    bag.put("yml", definition(r));
    r.definition().text("sourceName").ifPresent(s -> bag.put("sourceName", s));
    if (r instanceof ParamsResource p) {
      bag.put("params", p.params().toPlain());
    }
    if (r instanceof TriggerResource t) {
      TriggerVersions.yamlValues(t, bag);
    }
    return bag;
  }

  /** The YAML of a resource as plain values, in the shape of version.json's propertyBag.yml. */
  static Map<String, Object> definition(Resource r) {
    Map<String, Object> yml = new LinkedHashMap<>();
    yml.put("name", r.name());
    yml.put("type", r.type());
    r.integration().ifPresent(i -> yml.put("integration", i.name()));
    ResourceDefinition d = r.definition();
    put(yml, "pointer", d.pointer());
    put(yml, "seed", d.seed());
    put(yml, "version", d.version());
    put(yml, "versionTemplate", d.versionTemplate());
    return yml;
  }

  private static void put(
      Map<String, Object> yml, String key, Optional<? extends YamlValue> value) {
    value.ifPresent(v -> yml.put(key, v.toPlain()));
  }

  private String sha(Map<String, Object> definition) {
    try {
      byte[] bytes = json.writeValueAsString(definition).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "cannot fingerprint the YAML of " + definition.get("name"), e);
    }
  }
}
