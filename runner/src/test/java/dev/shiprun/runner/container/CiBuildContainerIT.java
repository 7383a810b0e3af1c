package dev.shiprun.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.ci.CiHarness;
import dev.shiprun.runner.ci.TestRepo;
import dev.shiprun.spi.BodyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * runCI builds whose container sections run in real podman containers of a tiny local image: a
 * matrix with its statuses and parallel numbered lines, pre_ci and push on the host (they see a
 * file the container cannot), a secure value masked in every section, a timeout by silence that
 * leaves no container behind.
 */
@ExtendWith(ContainerLabPrerequisites.class)
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CiBuildContainerIT {

  private static final String BOOT =
      """
      build:
        pre_ci_boot:
          image_name: localhost/shiprun-test/mini
          image_tag: "1"
          pull: false
      """;

  @TempDir Path temp;

  private PodmanSandbox podman;
  private ContainerExecutor executor;

  @BeforeAll
  void makeTheImage(@TempDir Path engineFolder) throws IOException, InterruptedException {
    podman = PodmanSandbox.create(engineFolder);
    podman.importMiniImage();
    executor =
        new ContainerExecutor(
            new ContainerSettings(
                Optional.of("podman"),
                PodmanSandbox.MINI_IMAGE,
                Duration.ofSeconds(1),
                podman.environment()));
  }

  @AfterAll
  void removeTheStorage() throws IOException, InterruptedException {
    podman.remove();
  }

  @Test
  void aMatrixInContainersWithHostSectionsAndASecretMaskedEverywhere() throws Exception {
    Path hostOnly = Files.writeString(temp.resolve("host-only.txt"), "only on the host\n");
    String token = "made-up-ci-secret-8080";
    TestRepo repo = TestRepo.init(temp.resolve("repo"));
    String sha = repo.commit(Map.of("app.txt", "the app\n"), "first");
    String yml =
        """
        language: python
        python: ["3.10", "3.11", "3.12"]
        env:
          global:
            - HOST_ONLY=%s
            - secure: shiprun:v1:token
          matrix:
            - SUITE=unit
            - SUITE=lint
        matrix:
          exclude:
            - python: "3.12"
              env: SUITE=lint
          allow_failures:
            - python: "3.11"
              env: SUITE=lint
        %s
          pre_ci:
            - cat "$HOST_ONLY"
            - echo "pre_ci $TOKEN"
          ci:
            - if [ -e "$HOST_ONLY" ]; then echo "the host's file is in the container"; exit 9; fi
            - echo "ci $TOKEN in $SHIPPABLE_CONTAINER_NAME"
            - cat app.txt
            - echo "py $SHIPPABLE_PYTHON_VERSION suite $SUITE job $JOB_NUMBER"
            - if [ "$SUITE" = lint ] && [ "$SHIPPABLE_PYTHON_VERSION" = 3.11 ]; then exit 4; fi
          post_ci: ['echo "post_ci $TOKEN"']
          on_success: ['echo "on_success $TOKEN"']
          on_failure: ['echo "on_failure $TOKEN"']
          always: ['echo "always $TOKEN"']
          push:
            - cat "$HOST_ONLY"
            - echo "push $TOKEN"
        """
            .formatted(hostOnly, BOOT.strip());
    try (CiHarness ci =
        new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)
            .containers(executor)
            .parallel(2)
            .secure("shiprun:v1:token", Map.of("TOKEN", token))) {
      BodyOutcome outcome = ci.run();

      String log = ci.text();
      assertEquals(BodyOutcome.Ending.SUCCESS, outcome.ending(), log);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> matrix = (List<Map<String, Object>>) outcome.report().get("matrix");
      assertEquals(
          List.of("7.1", "7.2", "7.3", "7.4", "7.5"),
          matrix.stream().map(m -> m.get("number")).toList());
      assertEquals(
          List.of("success", "success", "success", "failure", "success"),
          matrix.stream().map(m -> m.get("status")).toList(),
          log);
      assertEquals(true, matrix.get(3).get("allowFailure"));
      assertEquals("localhost/shiprun-test/mini:1", matrix.get(0).get("image"));
      for (String n : List.of("7.1", "7.2", "7.3", "7.4", "7.5")) {
        assertTrue(log.contains("[" + n + "] the app"), n + ": " + log);
      }
      assertTrue(log.contains("[7.3] py 3.11 suite unit job 7.3"), log);
      assertTrue(log.contains("[7.5] py 3.12 suite unit job 7.5"), log);
      assertTrue(log.contains("[7.4] on_failure ***"), log);
      assertFalse(log.contains("[7.4] push"), "push runs after a container that succeeded");
      assertEquals(
          9,
          log.split("only on the host", -1).length - 1,
          "pre_ci of 5 jobs and push of the 4 that succeeded read the host's file: " + log);
      assertFalse(log.contains("the host's file is in the container"), log);
      assertTrue(log.contains("ci *** in shiprun-"), log);
      for (String section : List.of("pre_ci", "ci", "post_ci", "on_success", "always", "push")) {
        assertTrue(log.contains("[7.1] " + section + " ***"), section + ": " + log);
      }
      assertFalse(log.contains(token), "the secret leaked: " + log);
    }
    assertEquals(List.of(), podman.containers("shiprun-ci-test"), "a container is left");
  }

  @Test
  void silenceInTheContainerIsATimeoutThatStopsIt() throws Exception {
    TestRepo repo = TestRepo.init(temp.resolve("repo2"));
    String sha = repo.commit(Map.of("app.txt", "x\n"), "first");
    String yml =
        BOOT
            + """
              ci:
                - echo started
                - sleep 317
              on_failure:
                - echo ON-FAILURE-RAN
            """;
    try (CiHarness ci =
        new CiHarness(temp.resolve("run2"), yml, repo.dir(), sha)
            .containers(executor)
            .setting("ci.silenceTimeout", "2")) {
      BodyOutcome outcome = ci.run();

      String log = ci.text();
      assertEquals(BodyOutcome.Ending.TIMEOUT, outcome.ending(), log);
      assertTrue(log.contains("started"), log);
      assertTrue(log.contains("timeout: ci: no output for 2 s, stopped"), log);
      assertFalse(log.contains("ON-FAILURE-RAN"), log);
    }
    assertEquals(List.of(), podman.containers("shiprun-ci-test"), "a container is left");
  }
}
