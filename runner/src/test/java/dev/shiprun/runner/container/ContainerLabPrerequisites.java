package dev.shiprun.runner.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test of the {@link ContainerLab} needs from the machine, checked before its class's
 * {@code @BeforeAll}: root, podman with runc and conmon, the registry, skopeo, busybox-static,
 * bash, jq and podman-docker's {@code /usr/bin/docker}. Missing on a developer's machine, each test
 * is reported skipped with what to install; under CI (CI=true, where .ci/run installs them) a
 * missing one fails the test, so a green CI never means "not tested".
 */
final class ContainerLabPrerequisites implements ExecutionCondition {

  static final String FIX =
      "apt-get install podman runc conmon containernetworking-plugins iptables docker-registry"
          + " apache2-utils skopeo busybox-static jq podman-docker";

  private static final List<String> SEARCH_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private static final List<String> COMMANDS =
      List.of(
          "podman",
          "runc",
          "conmon",
          "docker-registry",
          "htpasswd",
          "skopeo",
          "busybox",
          "bash",
          "jq",
          "tar",
          "ldd");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    for (String command : COMMANDS) {
      if (SEARCH_PATH.stream().noneMatch(dir -> Files.isExecutable(Path.of(dir, command)))) {
        missing.add(command);
      }
    }
    if (!Files.isExecutable(Path.of("/usr/bin/docker"))) {
      missing.add("/usr/bin/docker (podman-docker)");
    }
    if (!isRoot()) {
      missing.add("root");
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("the machine has a container lab");
    }
    String reason = context.getDisplayName() + " needs " + String.join(", ", missing) + "; " + FIX;
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(reason + " (.ci/run installs them)");
    }
    System.out.println("skipped: " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /**
   * What one test needs besides the lab ({@code file}, installed by {@code fix}): missing, the test
   * is skipped, or under CI fails.
   */
  static void require(String file, String fix) {
    if (Files.isExecutable(Path.of(file))) {
      return;
    }
    String reason = "this test needs " + file + "; " + fix;
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(reason + " (.ci/run installs it)");
    }
    Assumptions.abort(reason);
  }

  private static boolean isRoot() {
    try {
      return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
    } catch (Exception e) {
      return false;
    }
  }
}
