package dev.shiprun.runner.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the image test needs from the machine. Missing on a developer's machine, the test is skipped
 * and says what to install; under CI (CI=true, where .ci/run installs it all) a missing tool fails
 * it, so a green CI never means "not tested".
 */
final class Prerequisites {

  private static final List<String> SEARCH_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private Prerequisites() {}

  /** The base image (debootstrap, as root) and the registry with its tools. */
  static void requireImageTools() {
    List<String> missing = missing("debootstrap", "docker-registry", "htpasswd", "skopeo", "tar");
    if (!isRoot()) {
      missing.add("root (debootstrap chroots)");
    }
    require(
        missing,
        "apt-get install debootstrap docker-registry apache2-utils skopeo, and run as root");
  }

  /** podman and runc, to run the image. */
  static void requirePodman() {
    require(missing("podman", "runc"), "apt-get install podman runc");
  }

  private static void require(List<String> missing, String fix) {
    if (missing.isEmpty()) {
      return;
    }
    String message = "the container image test needs " + String.join(", ", missing) + "; " + fix;
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message + " (.ci/run installs them)");
    }
    Assumptions.abort(message);
  }

  private static List<String> missing(String... commands) {
    List<String> missing = new ArrayList<>();
    for (String command : commands) {
      if (!onPath(command)) {
        missing.add(command);
      }
    }
    return missing;
  }

  private static boolean onPath(String command) {
    return SEARCH_PATH.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static boolean isRoot() {
    try {
      return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
    } catch (Exception e) {
      return false;
    }
  }
}
