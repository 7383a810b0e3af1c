package dev.shiprun.runner.resource;

import dev.shiprun.model.Resource;
import dev.shiprun.spi.OutRun;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.Seed;
import dev.shiprun.spi.VersionSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gitRepo}: its versions are the commits shiprun finds in its repository (the engine's look
 * before a run), never the YAML's; a replicate of one copies only the commit ({@code shaData} and
 * the webhook's request). An IN's clone is made by the engine from its mirror.
 */
public final class GitRepoResourceType implements ResourceType {

  @Override
  public String name() {
    return "gitRepo";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    return Optional.empty();
  }

  @Override
  public Map<String, Object> replicated(ResourceVersion source) {
    Map<String, Object> out = new LinkedHashMap<>();
    source
        .propertyBag()
        .forEach(
            (key, value) -> {
              if (OutRun.KEPT_ON_OVERWRITE.contains(key)) {
                out.put(key, value);
              }
            });
    return out;
  }

  @Override
  public Optional<VersionSource> versionSource() {
    return Optional.of(
        new VersionSource(
            "its versions are the commits shiprun finds in its repository",
            "check that the repository can be reached and has the branch it follows"));
  }
}
