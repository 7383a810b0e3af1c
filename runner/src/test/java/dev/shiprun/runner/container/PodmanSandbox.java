package dev.shiprun.runner.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * podman set up by files of a test's own (vfs storage, runc, cgroupfs), never the machine's, and a
 * tiny image made without network: busybox's applets and bash with the libraries it links.
 *
 * @param folder where the settings and the storage live
 * @param runroot the storage's run folder (a short path: its sockets' names have a length limit)
 * @param environment what the container command needs set ({@code CONTAINERS_CONF}, {@code
 *     CONTAINERS_STORAGE_CONF})
 */
record PodmanSandbox(Path folder, Path runroot, Map<String, String> environment) {

  /** The image every container test runs, made by {@link #importMiniImage}. */
  static final String MINI_IMAGE = "localhost/shiprun-test/mini:1";

  /** Writes the settings into {@code folder}; the storage's runroot goes to a short path. */
  static PodmanSandbox create(Path folder) throws IOException {
    Path runroot = Files.createTempDirectory(Path.of("/tmp"), "srp");
    Path conf =
        Files.writeString(
            folder.resolve("containers.conf"),
            """
            [containers]
            default_ulimits=[]
            [engine]
            cgroup_manager="cgroupfs"
            runtime="runc"
            """);
    Path storage =
        Files.writeString(
            folder.resolve("storage.conf"),
            """
            [storage]
            driver="vfs"
            runroot="%s"
            graphroot="%s"
            """
                .formatted(runroot, folder.resolve("graph")));
    return new PodmanSandbox(
        folder,
        runroot,
        Map.of("CONTAINERS_CONF", conf.toString(), "CONTAINERS_STORAGE_CONF", storage.toString()));
  }

  /** Makes {@link #MINI_IMAGE}: busybox-static's applets, /bin/bash and what {@code ldd} names. */
  void importMiniImage() throws IOException, InterruptedException {
    Path rootfs = Files.createDirectories(folder.resolve("rootfs"));
    Path bin = Files.createDirectories(rootfs.resolve("bin"));
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : run(List.of("/bin/busybox", "--list")).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox") && !applet.equals("bash")) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    Files.copy(Path.of("/bin/bash"), bin.resolve("bash"));
    for (String word : run(List.of("ldd", "/bin/bash")).split("\\s+")) {
      if (word.startsWith("/")) {
        Path target = rootfs.resolve(word.substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(word).toRealPath(), target);
      }
    }
    run(
        List.of(
            "bash",
            "-c",
            "tar -C \"$1\" -c . | podman import -q - \"$2\" >/dev/null",
            "import",
            rootfs.toString(),
            MINI_IMAGE));
  }

  /** The names of the containers podman has, running or not, whose name holds {@code part}. */
  List<String> containers(String part) throws IOException, InterruptedException {
    List<String> found = new ArrayList<>();
    for (String name : run(List.of("podman", "ps", "-a", "--format", "{{.Names}}")).split("\n")) {
      if (name.contains(part)) {
        found.add(name);
      }
    }
    return found;
  }

  /** Removes the storage (and the short runroot). */
  void remove() throws IOException, InterruptedException {
    run(List.of("podman", "rm", "--all", "--force"));
    delete(runroot);
  }

  /** Runs a command with the sandbox's settings; returns its stdout; fails on a non-zero exit. */
  String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(command + " failed: " + out);
    }
    return out;
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
