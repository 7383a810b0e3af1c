package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the container command: the one named, else podman, else docker on the PATH. */
class EngineLocatorTest {

  @TempDir Path dir;

  @Test
  void prefersPodmanThenDockerOnThePath() throws IOException {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Path docker = executable(first.resolve("docker"));
    String path = first + ":" + second;

    assertEquals(
        Optional.of(new ContainerEngine(docker, ContainerEngine.Kind.DOCKER)),
        locator(path).find(Optional.empty()));
    Path podman = executable(second.resolve("podman"));
    assertEquals(
        Optional.of(new ContainerEngine(podman, ContainerEngine.Kind.PODMAN)),
        locator(path).find(Optional.empty()));
    assertEquals(
        Optional.of(new ContainerEngine(docker, ContainerEngine.Kind.DOCKER)),
        locator(path).find(Optional.of("docker")));
  }

  @Test
  void aNamedPathIsUsedAsItIsAndAMissingOneIsNone() throws IOException {
    Path tool = executable(dir.resolve("docker-wrapper"));

    assertEquals(
        Optional.of(new ContainerEngine(tool, ContainerEngine.Kind.DOCKER)),
        locator("").find(Optional.of(tool.toString())));
    assertTrue(locator(dir.toString()).find(Optional.of("/nonexistent")).isEmpty());
    assertTrue(locator(dir.toString()).find(Optional.empty()).isEmpty());
  }

  private static EngineLocator locator(String path) {
    return new EngineLocator(path);
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}
