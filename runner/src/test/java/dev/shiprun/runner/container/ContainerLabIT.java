package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.registry.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container lab itself, before any shiprun test relies on it: its image runs bash and jq under
 * a plain podman with the lab's environment, it is pulled from the registry with the right password
 * and refused with a wrong one, podman-docker's {@code /usr/bin/docker} runs it too, and its root
 * file system is built once per machine.
 */
@ExtendWith(ContainerLabPrerequisites.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ContainerLabIT {

  private static final String WRONG = "made-up-wrong-registry-pass";

  @TempDir static Path temp;

  private static ContainerLab lab;

  @BeforeAll
  static void start() throws Exception {
    lab = ContainerLab.start(temp.resolve("lab"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void theImageRunsBashAndJqUnderAPlainPodman() throws Exception {
    Path auth = lab.writeAuthFile(temp.resolve("auth/config.json"), ContainerLab.PASSWORD);
    Tool.Result run =
        lab.podman(
            "run",
            "--rm",
            "--authfile",
            auth.toString(),
            "--tls-verify=false",
            lab.image(),
            "bash",
            "-c",
            "echo \"bash $BASH_VERSION\"; jq -cn '{sum: (40 + 2)}'; cat " + ContainerLab.MARKER);
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("bash 5."), run.output());
    assertTrue(run.output().contains("{\"sum\":42}"), run.output());
    assertTrue(run.output().contains(ContainerLab.MARKER_TEXT), run.output());
    assertEquals(java.util.List.of(), lab.containers(), "--rm left a container");
  }

  @Test
  void aPullWithTheRightPasswordWorksAndAWrongOneIsUnauthorized() throws Exception {
    lab.removeLocalImages();
    Path wrong = lab.writeAuthFile(temp.resolve("wrong/config.json"), WRONG);
    Tool.Result refused =
        lab.podman("pull", "--authfile", wrong.toString(), "--tls-verify=false", lab.image());
    assertEquals(125, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("unauthorized"), refused.output());
    assertFalse(refused.output().contains(WRONG), refused.output());
    assertFalse(lab.localImages().contains(lab.image()), "a refused pull stored the image");

    Path right = lab.writeAuthFile(temp.resolve("right/config.json"), ContainerLab.PASSWORD);
    Tool.Result pulled =
        lab.podman("pull", "--authfile", right.toString(), "--tls-verify=false", lab.image());
    assertEquals(0, pulled.exitCode(), pulled.output() + lab.registryLog());
    assertTrue(lab.localImages().contains(lab.image()), lab.localImages().toString());

    lab.removeLocalImages();
    assertFalse(lab.localImages().contains(lab.image()), "the image is still there");
  }

  /**
   * The docker CLI's way: credentials from {@code DOCKER_CONFIG}, no TLS flag (the plain-HTTP
   * registry is listed as insecure, as a docker daemon's insecure-registries would list it).
   */
  @Test
  void podmanDockersDockerCommandRunsTheImage() throws Exception {
    lab.removeLocalImages();
    Tool.Result version = lab.engine("/usr/bin/docker", lab.environment(), "--version");
    assertTrue(version.output().contains("podman"), "not podman-docker: " + version.output());
    Path auth = lab.writeAuthFile(temp.resolve("docker/config.json"), ContainerLab.PASSWORD);
    Map<String, String> env = new HashMap<>(lab.dockerEnvironment());
    env.put("DOCKER_CONFIG", auth.getParent().toString());
    Tool.Result run =
        lab.engine(
            "/usr/bin/docker",
            env,
            "run",
            "--rm",
            lab.image(),
            "jq",
            "-rn",
            "\"docker path \" + (1 + 1 | tostring)");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("docker path 2"), run.output());
    assertEquals(java.util.List.of(), lab.containers(), "--rm left a container");
  }

  @Test
  void theRootFileSystemIsBuiltOncePerMachine() throws Exception {
    Path cache = temp.resolve("cache");
    ContainerLabImage first = ContainerLabImage.cached(cache);
    FileTime made = Files.getLastModifiedTime(first.archive());
    ContainerLabImage second = ContainerLabImage.cached(cache);
    assertEquals(first, second);
    assertEquals(made, Files.getLastModifiedTime(second.archive()), "the archive was rebuilt");
    try (var files = Files.list(cache)) {
      assertEquals(1, files.count(), "only the archive stays in the cache");
    }
  }
}
