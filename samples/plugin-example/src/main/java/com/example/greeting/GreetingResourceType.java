package com.example.greeting;

import dev.shiprun.model.env.EnvNames;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code type: greeting}: a resource that holds a line of text. Its YAML seeds the first version
 * ({@code versionTemplate: {versionName: ..., text: ...}}, the interface's default seed); a job
 * that reads it finds the text in {@code greeting.txt} in the resource's folder and in {@code
 * <NAME>_GREETING}.
 */
public final class GreetingResourceType implements ResourceType {

  static final String FILE = "greeting.txt";

  @Override
  public String name() {
    return "greeting";
  }

  @Override
  public void materialise(Dependency dependency) throws IOException {
    if (dependency.isIn()) {
      Files.writeString(
          dependency.folder().resolve(FILE), text(dependency) + "\n", StandardCharsets.UTF_8);
    }
  }

  @Override
  public Map<String, String> variables(Dependency dependency) {
    return Map.of(EnvNames.of(dependency.resource().name()) + "_GREETING", text(dependency));
  }

  /** The version's text, else the YAML's, else a greeting of the resource's own. */
  private static String text(Dependency dependency) {
    return dependency
        .version()
        .map(v -> v.propertyBag().get("text"))
        .map(String::valueOf)
        .or(() -> dependency.resource().definition().text("text"))
        .orElse("hello from " + dependency.resource().name());
  }
}
