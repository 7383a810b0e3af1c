package dev.shiprun.runner.doctor;

import dev.shiprun.runner.container.ContainerEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default image (a container script that names none runs in it): present in the engine's
 * storage, and, when asked, whether it pulls. The pull is the engine's own, as a container TASK's
 * is (its logins, its registry settings), so what works here works there; it is bounded in time,
 * since a registry out of reach may not answer at all.
 */
final class ImageCheck {

  private static final Duration LOCAL_LIMIT = Duration.ofSeconds(30);
  private static final Duration PULL_LIMIT = Duration.ofSeconds(120);

  private final DoctorSettings settings;
  private final BoundedCommand commands;

  ImageCheck(DoctorSettings settings, BoundedCommand commands) {
    this.settings = settings;
    this.commands = commands;
  }

  List<Check> checks(Optional<ContainerEngine> engine) {
    String image = settings.defaultImage();
    if (engine.isEmpty()) {
      return List.of(
          Check.warn("image", image + " not checked: no container engine answered (see engine)"));
    }
    ContainerEngine e = engine.get();
    List<Check> checks = new ArrayList<>();
    BoundedCommand.Result local =
        commands.run(
            List.of(e.cli().toString(), "image", "inspect", "--format", "{{.Id}}", image),
            LOCAL_LIMIT);
    checks.add(
        local.succeeded()
            ? Check.ok("image", image + " is present")
            : Check.warn(
                "image",
                image + " is not present (a container TASK that names no image pulls it first)",
                "pull it now: " + e.name() + " pull " + image));
    if (settings.pullCheck()) {
      checks.add(registry(e, image));
    }
    return List.copyOf(checks);
  }

  private Check registry(ContainerEngine e, String image) {
    BoundedCommand.Result pull =
        commands.run(List.of(e.cli().toString(), "pull", "--quiet", image), PULL_LIMIT);
    if (pull.succeeded()) {
      return Check.ok("image pull", image + " pulls from its registry");
    }
    if (pull.timedOut()) {
      return Check.warn(
          "image pull",
          image + " did not pull within " + PULL_LIMIT.toSeconds() + " s",
          "check the network, or pull it by hand: " + e.name() + " pull " + image);
    }
    return Check.warn(
        "image pull",
        image + " does not pull (" + pull.firstLine() + ")",
        "check the name and the network, or log in to the registry: "
            + e.name()
            + " login "
            + registry(image));
  }

  /** The registry part of an image name, as engines read it: docker.io when the name has none. */
  static String registry(String image) {
    int slash = image.indexOf('/');
    if (slash > 0) {
      String first = image.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return "docker.io";
  }
}
