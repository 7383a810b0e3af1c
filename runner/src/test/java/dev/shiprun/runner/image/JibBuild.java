package dev.shiprun.runner.image;

import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image build of the README ({@code ./mvnw package -Dquarkus.container-image.build=true
 * -Dquarkus.container-image.push=true …}) as a user runs it, on a copy of the checkout's sources:
 * the build under test is still using runner/target, which a second build there would rewrite.
 */
final class JibBuild {

  private static final Duration LIMIT = Duration.ofMinutes(10);

  /** What the build is run on: the reactor's poms, the wrapper and the main sources. */
  private static final List<String> SOURCES =
      List.of(
          "pom.xml",
          "mvnw",
          ".mvn",
          "masker/pom.xml",
          "masker/src/main",
          "resources-model/pom.xml",
          "resources-model/src/main",
          "spi/pom.xml",
          "spi/src/main",
          // The root pom builds the sample plugin as one of its modules.
          "samples/plugin-example/pom.xml",
          "samples/plugin-example/src/main",
          "runner/pom.xml",
          "runner/src/main");

  private final Path checkout;
  private final Path work;

  /**
   * @param checkout the project's root folder
   * @param work a folder of the test's own; the copy and Jib's caches go there
   */
  JibBuild(Path checkout, Path work) {
    this.checkout = checkout;
    this.work = work;
  }

  /**
   * Builds and pushes the image with {@code properties} added to the command line, Jib reading
   * registry credentials from {@code dockerConfig}/config.json.
   *
   * @return the build's output
   * @throws IOException when the build fails (with its output) or takes too long
   */
  String run(Map<String, String> properties, Path dockerConfig) throws IOException {
    Path copy = copySources();
    List<String> command =
        new ArrayList<>(
            List.of(
                "./mvnw",
                "-B",
                "-o",
                "package",
                "-Dmaven.test.skip=true",
                "-Dquarkus.package.jar.type=fast-jar",
                "-Dquarkus.container-image.build=true",
                "-Dquarkus.container-image.push=true",
                "-Dquarkus.jib.base-image-layers-cache=" + work.resolve("jib-cache/base"),
                "-Dquarkus.jib.application-layers-cache=" + work.resolve("jib-cache/app")));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    Tool.Result result =
        Tool.run(
            copy,
            Map.of(
                "HOME", System.getProperty("user.home"),
                "JAVA_HOME", System.getProperty("java.home"),
                "DOCKER_CONFIG", dockerConfig.toString()),
            LIMIT,
            command.toArray(String[]::new));
    if (!result.ok()) {
      throw new IOException(
          "the image build failed (exit " + result.exitCode() + "):\n" + tail(result.output()));
    }
    return result.output();
  }

  private Path copySources() throws IOException {
    Path copy = work.resolve("source");
    for (String source : SOURCES) {
      Path from = checkout.resolve(source);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path to = copy.resolve(checkout.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.createDirectories(to.getParent());
            Files.copy(
                file, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return copy;
  }

  /** The end of a long build log, where Maven says what failed. */
  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
