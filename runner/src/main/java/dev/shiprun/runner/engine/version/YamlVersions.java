package dev.shiprun.runner.engine.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.Resource;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.runner.resource.ResourceTypes;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import dev.shiprun.runner.store.VersionKind;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.Seed;
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
 * <p>Which resources get one, and what it holds, is their type's seed ({@code ResourceType.seed}):
 * a version the YAML alone defines, else the first version of a resource no job writes; none for
 * types whose versions come from jobs or from outside (state, gitRepo, ciRepo).
 */
public final class YamlVersions {

  private final ObjectMapper json;
  private final ResourceTypes types;

  public YamlVersions(ObjectMapper json, ResourceTypes types) {
    this.json = json;
    this.types = types;
  }

  /** Posts the versions the YAML makes now; returns them (empty when nothing changed). */
  public List<StoredVersion> sync(Connection c, Store store, String line, AssemblyLine assemblyLine)
      throws SQLException {
    List<StoredVersion> posted = new ArrayList<>();
    for (Resource r : assemblyLine.resources()) {
      Optional<Seed> seed = types.of(r).seed(r);
      if (seed.isEmpty()) {
        continue; // its versions come from jobs, or from outside (a gitRepo's repository)
      }
      boolean fromYaml = seed.get().yamlAlone();
      if (!fromYaml && assemblyLine.isProduced(r.name())) {
        continue;
      }
      String sha = sha(r.yml());
      Optional<String> synced = store.versions().yamlSeed(c, line, r.name());
      if (synced.isPresent() && synced.get().equals(sha)) {
        continue;
      }
      boolean hasVersion = store.versions().latest(c, line, r.name()).isPresent();
      store.versions().putYamlSeed(c, line, r.name(), sha);
      if (hasVersion && !fromYaml) {
        continue;
      }
      ResourceVersion version = seed.get().version();
      posted.add(
          store
              .versions()
              .post(
                  c,
                  new NewVersion(
                      line,
                      r.name(),
                      VersionKind.RESOURCE,
                      version.versionName(),
                      new LinkedHashMap<>(version.propertyBag()),
                      Optional.empty(),
                      OptionalLong.empty())));
    }
    return posted;
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
