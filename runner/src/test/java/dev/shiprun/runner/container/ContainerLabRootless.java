package dev.shiprun.runner.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Rootless podman for user nobody (65534), next to a {@link ContainerLab}: a folder that user owns
 * with its own {@code containers.conf} (as the lab's, plus {@code netns = "none"}: the rootless
 * network, slirp4netns, needs {@code /dev/net/tun}, which only root may open on these machines), a
 * {@code storage.conf} (vfs), a runtime folder for {@code XDG_RUNTIME_DIR} and a home. {@link
 * #close} stops the pause process rootless podman leaves to keep its user namespace.
 */
final class ContainerLabRootless implements AutoCloseable {

  static final int NOBODY = 65534;

  private final Path dir;
  private final Path runtime;
  private final Map<String, String> environment;

  private ContainerLabRootless(Path dir, Path runtime, Map<String, String> environment) {
    this.dir = dir;
    this.runtime = runtime;
    this.environment = environment;
  }

  /** Everything under {@code dir} (created, and given to user nobody). */
  static ContainerLabRootless create(Path dir) throws IOException {
    Path home = Files.createDirectories(dir).toAbsolutePath();
    // podman refuses a long run root; it lives in the runtime folder, which is short.
    Path runtime = Files.createTempDirectory("shiprun-rl-");
    Path conf =
        Files.writeString(
            home.resolve("containers.conf"),
            """
            [containers]
            default_ulimits = []
            netns = "none"
            [engine]
            cgroup_manager = "cgroupfs"
            runtime = "runc"
            """);
    Path storage =
        Files.writeString(
            home.resolve("storage.conf"),
            """
            [storage]
            driver = "vfs"
            runroot = "%s"
            graphroot = "%s"
            """
                .formatted(runtime.resolve("storage"), home.resolve("graph")));
    Path userHome = Files.createDirectories(home.resolve("home"));
    for (Path p : new Path[] {home, runtime, userHome}) {
      Files.setAttribute(p, "unix:uid", NOBODY);
      Files.setAttribute(p, "unix:gid", NOBODY);
    }
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new ContainerLabRootless(
        home,
        runtime,
        Map.of(
            "CONTAINERS_CONF", conf.toString(),
            "CONTAINERS_STORAGE_CONF", storage.toString(),
            "XDG_RUNTIME_DIR", runtime.toString(),
            "HOME", userHome.toString()));
  }

  /** What a process of user nobody that runs podman must have in its environment. */
  Map<String, String> environment() {
    return environment;
  }

  /** The run root: every conmon of these containers names it. */
  Path runtime() {
    return runtime;
  }

  /** Stops rootless podman's pause process and deletes the runtime folder. */
  @Override
  public void close() throws IOException {
    Path pause = runtime.resolve("libpod/tmp/pause.pid");
    if (Files.isRegularFile(pause)) {
      String pid = Files.readString(pause).strip();
      if (pid.matches("\\d+")) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    ContainerLabImage.delete(runtime);
    ContainerLabImage.delete(dir.resolve("graph"));
  }
}
