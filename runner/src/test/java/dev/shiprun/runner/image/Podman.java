package dev.shiprun.runner.image;

import dev.shiprun.runner.registry.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * podman as root with storage, run state and configuration of its own in a test's folder, so it
 * shares no image, container or volume with the machine's podman: vfs storage, runc and cgroupfs
 * (crun and systemd cgroups fail on these machines; ../shared/TOOLCHAIN.md).
 */
final class Podman implements AutoCloseable {

  private static final Duration LIMIT = Duration.ofMinutes(5);

  private final Path dir;
  private final Path runRoot;
  private final Map<String, String> environment;

  /** Everything podman keeps goes under {@code dir} (created when missing). */
  Podman(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir).toAbsolutePath();
    Path conf =
        Files.writeString(
            this.dir.resolve("containers.conf"),
            """
            [containers]
            default_ulimits = []
            [engine]
            cgroup_manager = "cgroupfs"
            """);
    Files.createDirectories(this.dir.resolve("tmp"));
    // podman refuses a run root of more than 50 characters (it holds sockets); /tmp is short.
    this.runRoot = Files.createTempDirectory("shiprun-podman-");
    this.environment =
        Map.of(
            "CONTAINERS_CONF", conf.toString(),
            // The network plugins run iptables, which lives in sbin.
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME", this.dir.toString(),
            "XDG_CONFIG_HOME", this.dir.resolve("config").toString(),
            "TMPDIR", this.dir.resolve("tmp").toString());
  }

  /** Removes the run root (the storage stays in the test's folder until the next run). */
  @Override
  public void close() throws IOException {
    Folders.delete(runRoot);
  }

  /** {@code podman ARGS…}, whatever its exit code. */
  Tool.Result run(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "podman",
                "--root",
                dir.resolve("root").toString(),
                "--runroot",
                runRoot.toString(),
                "--tmpdir",
                dir.resolve("libpod-tmp").toString(),
                "--storage-driver",
                "vfs",
                "--runtime",
                "runc",
                "--cgroup-manager",
                "cgroupfs"));
    command.addAll(List.of(args));
    return Tool.run(dir, environment, LIMIT, command.toArray(String[]::new));
  }

  /** {@code podman ARGS…}, insisting on success; its output. */
  String check(String... args) throws IOException {
    Tool.Result result = run(args);
    if (!result.ok()) {
      throw new IOException(
          "podman "
              + String.join(" ", args)
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.output().strip());
    }
    return result.output();
  }
}
