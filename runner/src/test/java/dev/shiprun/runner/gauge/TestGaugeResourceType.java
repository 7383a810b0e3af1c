package dev.shiprun.runner.gauge;

import dev.shiprun.model.Resource;
import dev.shiprun.model.env.EnvNames;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.OutRun;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A resource type only the tests know, {@code testGauge}: a level, seeded by the YAML's {@code
 * level}. An IN finds it in {@code <NAME>_PATH/gauge.txt} and as {@code <NAME>_READING}; an OUT
 * adds the {@code add} the job wrote to {@code $JOB_STATE/<name>.env} to the latest level. It is
 * one class and a line in META-INF/services: no engine file names it.
 */
public final class TestGaugeResourceType implements ResourceType {

  @Override
  public String name() {
    return "testGauge";
  }

  @Override
  public Optional<Seed> seed(Resource resource) {
    long level = Long.parseLong(resource.definition().text("level").orElse("0"));
    return Optional.of(new Seed(version(level), true));
  }

  @Override
  public void materialise(Dependency dependency) throws IOException {
    if (dependency.isIn()) {
      Files.writeString(
          dependency.folder().resolve("gauge.txt"),
          "level=" + level(dependency.version()) + "\n",
          StandardCharsets.UTF_8);
    }
  }

  @Override
  public Map<String, String> variables(Dependency dependency) {
    return Map.of(
        EnvNames.of(dependency.resource().name()) + "_READING",
        dependency.version().flatMap(ResourceVersion::versionName).orElse("none"));
  }

  @Override
  public ResourceVersion out(OutRun out) {
    long add = Long.parseLong(out.stateEnv().getOrDefault("add", "0"));
    return version(level(out.latest()) + add);
  }

  private static ResourceVersion version(long level) {
    return new ResourceVersion(Optional.of("level-" + level), Map.of("level", level));
  }

  private static long level(Optional<ResourceVersion> version) {
    return version
        .map(v -> v.propertyBag().get("level"))
        .map(l -> Long.parseLong(String.valueOf(l)))
        .orElse(0L);
  }
}
