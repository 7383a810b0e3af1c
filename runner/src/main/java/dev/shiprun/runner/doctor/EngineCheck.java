package dev.shiprun.runner.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.container.ContainerEngine;
import dev.shiprun.runner.exec.ProgramPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The container engine: which command (asked for, else podman, else docker on the PATH), whether it
 * answers {@code info}, and its storage, OCI runtime and cgroup manager. No engine is a warning:
 * host TASKs still run.
 */
final class EngineCheck {

  /** How the engine and its checks went: the lines, and the engine when it answered. */
  record Finding(List<Check> checks, Optional<ContainerEngine> engine) {}

  private static final Duration LIMIT = Duration.ofSeconds(30);

  /** The engine's own settings files, named in the report when the caller sets them. */
  private static final List<String> SETTINGS =
      List.of("CONTAINERS_CONF", "CONTAINERS_STORAGE_CONF", "DOCKER_HOST");

  private static final String INSTALL =
      "apt-get install podman, or keep TASKs on the host (runtime.container: false)";

  private final DoctorSettings settings;
  private final ProgramPath path;
  private final BoundedCommand commands;

  EngineCheck(DoctorSettings settings, ProgramPath path, BoundedCommand commands) {
    this.settings = settings;
    this.path = path;
    this.commands = commands;
  }

  Finding check() {
    Optional<Path> cli;
    String asked;
    if (settings.containerCli().isPresent()) {
      String name = settings.containerCli().get();
      cli = path.find(name);
      asked = name + " (" + settings.containerCliSource() + ")";
      if (cli.isEmpty()) {
        return without(
            Check.warn(
                "engine",
                asked + " not found, so container TASKs cannot run (host TASKs can)",
                INSTALL + "; or name a container command of this machine"));
      }
    } else {
      cli = path.find("podman").or(() -> path.find("docker"));
      asked = "podman, else docker, on the PATH";
      if (cli.isEmpty()) {
        return without(
            Check.warn(
                "engine",
                "neither podman nor docker is on the PATH, so container TASKs cannot run (host"
                    + " TASKs can)",
                INSTALL));
      }
    }
    Path found = cli.get();
    BoundedCommand.Result version = commands.run(List.of(found.toString(), "--version"), LIMIT);
    String word = version.out().toLowerCase(Locale.ROOT).contains("podman") ? "podman" : "docker";
    String named = found + " (" + version.out().strip().lines().findFirst().orElse(word) + ")";
    BoundedCommand.Result info =
        commands.run(List.of(found.toString(), "info", "--format", "{{json .}}"), LIMIT);
    if (!info.succeeded()) {
      return without(unanswered(named, word, info));
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(info.out());
    } catch (IOException e) {
      return without(
          Check.warn(
              "engine",
              named + " info printed no JSON (" + info.firstLine() + ")",
              "use podman 4 or docker 20.10 or newer"));
    }
    ContainerEngine engine =
        new ContainerEngine(
            found,
            word.equals("podman") ? ContainerEngine.Kind.PODMAN : ContainerEngine.Kind.DOCKER);
    List<Check> checks = new ArrayList<>();
    checks.add(Check.ok("engine", named + ", " + mode(json, word) + settingsFiles()));
    checks.add(storage(json, word));
    return new Finding(List.copyOf(checks), Optional.of(engine));
  }

  private static Finding without(Check check) {
    return new Finding(List.of(check), Optional.empty());
  }

  private Check unanswered(String named, String word, BoundedCommand.Result info) {
    if (info.timedOut()) {
      return Check.warn(
          "engine",
          named + " info did not answer within " + LIMIT.toSeconds() + " s",
          "see what blocks it: " + word + " info");
    }
    String why = info.firstLine();
    if (word.equals("docker") && why.contains("Cannot connect to the Docker daemon")) {
      String podman = path.find("podman").isPresent() ? "" : "apt-get install podman, then give ";
      return Check.warn(
          "engine",
          named + " is a docker client without a daemon (" + why + ")",
          "start the Docker daemon, or use podman: "
              + podman
              + "--container-cli podman or SHIPRUN_CONTAINER_CLI=podman");
    }
    return Check.warn(
        "engine",
        named + " info failed (" + why + ")",
        "fix the engine's settings (docs/containers.md shows the ones this kind of machine"
            + " needs)");
  }

  /** Rootless or rootful (podman), or the daemon's version (docker). */
  private static String mode(JsonNode json, String word) {
    if (word.equals("podman")) {
      return json.path("host").path("security").path("rootless").asBoolean(false)
          ? "rootless"
          : "rootful";
    }
    return "daemon " + json.path("ServerVersion").asText("?");
  }

  private String settingsFiles() {
    List<String> set = new ArrayList<>();
    for (String name : SETTINGS) {
      String value = settings.environment().get(name);
      if (value != null && !value.isBlank()) {
        set.add(name + "=" + value);
      }
    }
    return set.isEmpty() ? "" : ", with " + String.join(", ", set);
  }

  /** Storage driver and root, OCI runtime, cgroup manager, as {@code info} reports them. */
  private static Check storage(JsonNode json, String word) {
    String driver;
    String root;
    String runtime;
    String cgroups;
    String cgroupVersion;
    if (word.equals("podman")) {
      driver = json.path("store").path("graphDriverName").asText("?");
      root = json.path("store").path("graphRoot").asText("?");
      runtime = json.path("host").path("ociRuntime").path("name").asText("?");
      cgroups = json.path("host").path("cgroupManager").asText("?");
      cgroupVersion = json.path("host").path("cgroupVersion").asText("?");
    } else {
      driver = json.path("Driver").asText("?");
      root = json.path("DockerRootDir").asText("?");
      runtime = json.path("DefaultRuntime").asText("?");
      cgroups = json.path("CgroupDriver").asText("?");
      cgroupVersion = "v" + json.path("CgroupVersion").asText("?");
    }
    String found =
        "driver "
            + driver
            + " in "
            + root
            + ", runtime "
            + runtime
            + ", cgroup manager "
            + cgroups
            + " (cgroups "
            + cgroupVersion
            + ")";
    // crun refuses a hybrid cgroup v1 hierarchy ("cgroups in hybrid mode not supported").
    if (runtime.equals("crun") && cgroupVersion.equals("v1")) {
      return Check.warn(
          "engine storage",
          found + ": crun may refuse cgroups v1",
          "use runc: runtime=\"runc\" under [engine] in containers.conf (CONTAINERS_CONF)");
    }
    return Check.ok("engine storage", found);
  }
}
