package dev.shiprun.runner.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * skopeo with a home of its own: it reads no credentials but those a test hands it through the
 * environment ({@code REGISTRY_AUTH_FILE}, {@code DOCKER_CONFIG}), never the user's {@code
 * ~/.docker}, {@code ~/.config/containers} or {@code $XDG_RUNTIME_DIR/containers}. The machine's
 * signature policy plays no part ({@code --insecure-policy}): the tests push unsigned images.
 */
public final class Skopeo {

  private static final Duration LIMIT = Duration.ofMinutes(2);

  private final Path home;

  /** {@code home} is created when missing and stands in for HOME and XDG_RUNTIME_DIR. */
  public Skopeo(Path home) throws IOException {
    this.home = Files.createDirectories(home).toAbsolutePath();
    Path runtime = this.home.resolve("run");
    if (!Files.isDirectory(runtime)) {
      Files.createDirectory(
          runtime,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  /** {@code skopeo --insecure-policy ARGS…} with {@code environment} added to its own. */
  public Tool.Result run(Map<String, String> environment, String... args) throws IOException {
    Map<String, String> env = new HashMap<>(environment);
    env.put("HOME", home.toString());
    env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
    command.addAll(List.of(args));
    return Tool.run(home, env, LIMIT, command.toArray(String[]::new));
  }
}
