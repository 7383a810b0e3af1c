package dev.shiprun.runner.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.spi.BodyOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real CI builds of a real git commit through the runCI type's body, every section in bash on this
 * machine (the container executor here is the host's): the matrix, its statuses and numbering, the
 * variables, timeouts, cancel, masking and the reports.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CiBuildRunTest {

  @TempDir Path temp;

  private TestRepo repo;
  private String sha;

  @BeforeEach
  void commit() throws Exception {
    repo = TestRepo.init(temp.resolve("repo"));
    sha = repo.commit(Map.of("hello.txt", "hello from the commit\n"), "first");
  }

  @Test
  void aMatrixOfThreeVersionsByTwoEnvsWithAnExcludeAndAnAllowedFailure() throws Exception {
    String yml =
        """
        language: node_js
        node_js: ["18", "20", "22"]
        env:
          matrix:
            - SUITE=unit
            - SUITE=lint
        matrix:
          exclude:
            - node_js: "22"
              env: SUITE=lint
          allow_failures:
            - node_js: "20"
              env: SUITE=lint
        build:
          ci:
            - echo "node $SHIPPABLE_NODE_VERSION suite $SUITE job $JOB_NUMBER"
            - if [ "$SUITE" = lint ] && [ "$SHIPPABLE_NODE_VERSION" = 20 ]; then exit 3; fi
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha).parallel(2)) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.SUCCESS, outcome.ending(), ci.text());
      List<Map<String, Object>> matrix = matrix(outcome);
      assertEquals(
          List.of("7.1", "7.2", "7.3", "7.4", "7.5"),
          matrix.stream().map(m -> m.get("number")).toList());
      assertEquals(
          List.of("success", "success", "success", "failure", "success"),
          matrix.stream().map(m -> m.get("status")).toList());
      assertEquals(
          List.of(false, false, false, true, false),
          matrix.stream().map(m -> m.get("allowFailure")).toList());
      assertEquals(
          List.of("18", "18", "20", "20", "22"),
          matrix.stream().map(m -> m.get("version")).toList());
      assertEquals("SUITE=lint", matrix.get(3).get("env"));
      assertEquals("node:20", matrix.get(3).get("image"));
      String log = ci.text();
      assertTrue(log.contains("[7.1] node 18 suite unit job 7.1"), log);
      assertTrue(log.contains("[7.5] node 22 suite unit job 7.5"), log);
      assertFalse(log.contains("suite lint job 7.6"), log);
      assertTrue(
          log.contains(
              "[7.4] failure: ci: script item 2 of 2 failed with exit code 3 (allowed to fail)"),
          log);
    }
  }

  @Test
  void aJobThatMayNotFailFailsTheBuildAndTheReasonNamesIt() throws Exception {
    String yml =
        """
        language: python
        python: ["3.11", "3.12"]
        build:
          ci:
            - test "$SHIPPABLE_PYTHON_VERSION" = 3.11
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.FAILURE, outcome.ending(), ci.text());
      assertEquals(Optional.of("matrix job 7.2 failure"), outcome.reason());
      assertEquals(
          List.of("success", "failure"),
          matrix(outcome).stream().map(m -> m.get("status")).toList());
      assertFalse(matrix(outcome).get(0).containsKey("reason"), "a success needs no reason");
      assertTrue(
          String.valueOf(matrix(outcome).get(1).get("reason")).startsWith("ci: "),
          "the failed job says which section failed: " + matrix(outcome).get(1));
    }
  }

  @Test
  void eachJobHasItsOwnCheckoutOfTheCommitAndTheStandardVariables() throws Exception {
    String yml =
        """
        language: go
        go: ["1.21", "1.22"]
        build:
          ci:
            - cat hello.txt
            - echo "pwd=$(pwd)"
            - echo "dir=$SHIPPABLE_BUILD_DIR"
            - echo "vars=$BRANCH $COMMIT $REPO_FULL_NAME $REPO_NAME $ORG_NAME $JOB_TYPE $CI $IS_PULL_REQUEST"
            - echo "travis=$TRAVIS_BRANCH $TRAVIS_JOB_NUMBER $TRAVIS_REPO_SLUG"
            - echo "committer=$COMMITTER"
            - echo "go=$SHIPPABLE_GO_VERSION"
            - echo mine > "job-$JOB_NUMBER"
            - ls job-*
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.SUCCESS, outcome.ending(), ci.text());
      String log = ci.text();
      Path first = temp.resolve("run/build/ci/1/app").toRealPath();
      Path second = temp.resolve("run/build/ci/2/app").toRealPath();
      assertTrue(log.contains("[7.1] hello from the commit"), log);
      assertTrue(log.contains("[7.1] pwd=" + first), log);
      assertTrue(log.contains("[7.2] pwd=" + second), log);
      assertTrue(log.contains("[7.2] dir=" + temp.resolve("run/build/ci/2/app")), log);
      assertTrue(
          log.contains("[7.1] vars=main " + sha + " acme/app app acme runCI true false"), log);
      assertTrue(log.contains("[7.2] travis=main 7.2 acme/app"), log);
      assertTrue(log.contains("[7.1] committer=Ada Tester"), log);
      assertTrue(log.contains("[7.2] go=1.22"), log);
      assertTrue(log.contains("[7.2] job-7.2"), log);
      assertFalse(log.contains("[7.2] job-7.1"), "the jobs share a folder: " + log);
    }
  }

  @Test
  void silenceForLongerThanTheLimitIsATimeoutWithoutOnFailure() throws Exception {
    String yml =
        """
        language: ruby
        build:
          ci:
            - echo started
            - sleep 60
          on_failure:
            - echo ON-FAILURE-RAN
        """;
    try (CiHarness ci =
        new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)
            .setting(SilenceWatch.SETTING, "1")) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.TIMEOUT, outcome.ending(), ci.text());
      assertEquals("timeout", matrix(outcome).get(0).get("status"));
      String log = ci.text();
      assertTrue(log.contains("started"), log);
      assertTrue(log.contains("timeout: ci: no output for 1 s, stopped"), log);
      assertFalse(log.contains("ON-FAILURE-RAN"), log);
    }
  }

  @Test
  void theRunsDeadlineIsATimeout() throws Exception {
    String yml =
        """
        language: ruby
        build:
          ci:
            - while true; do echo tick; sleep 0.2; done
        """;
    try (CiHarness ci =
        new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)
            .deadline(java.time.Instant.now().plusSeconds(2))) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.TIMEOUT, outcome.ending(), ci.text());
      assertTrue(ci.text().contains("the build's time limit passed"), ci.text());
    }
  }

  @Test
  void aCancelStopsTheRunningJobAndTheBuildIsCancelled() throws Exception {
    String yml =
        """
        language: ruby
        build:
          ci:
            - echo waiting
            - sleep 60
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)) {
      CompletableFuture<BodyOutcome> running = CompletableFuture.supplyAsync(ci::run);
      while (!ci.text().contains("waiting")) {
        assertFalse(running.isDone(), ci.text());
        Thread.onSpinWait();
      }
      ci.cancelNow();
      BodyOutcome outcome = running.get(60, TimeUnit.SECONDS);

      assertEquals(BodyOutcome.Ending.CANCELLED, outcome.ending(), ci.text());
      assertEquals("cancelled", matrix(outcome).get(0).get("status"));
    }
  }

  @Test
  void aSecureValueIsMaskedInEverySectionAndAnUnreadableOneIsNamed() throws Exception {
    String token = "made-up-ci-token-5150";
    String yml =
        """
        language: ruby
        env:
          global:
            - secure: shiprun:v1:opens
            - secure: shiprun:v1:does-not-open
        build:
          pre_ci: ['echo "pre_ci $TOKEN"']
          ci: ['echo "ci $TOKEN"']
          post_ci: ['echo "post_ci $TOKEN"']
          on_success: ['echo "on_success $TOKEN"']
          always: ['echo "always $TOKEN"']
          push: ['echo "push $TOKEN"']
        """;
    try (CiHarness ci =
        new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)
            .secure("shiprun:v1:opens", Map.of("TOKEN", token))) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.SUCCESS, outcome.ending(), ci.text());
      String log = ci.text();
      for (String section : List.of("pre_ci", "ci", "post_ci", "on_success", "always", "push")) {
        assertTrue(log.contains(section + " ***"), section + ": " + log);
      }
      assertFalse(log.contains(token), log);
      assertTrue(
          log.contains(
              "the secure value of env at shippable.yml:5:15 cannot be read: it is not a secure"
                  + " value of this line; its variables are not set"),
          log);
    }
  }

  @Test
  void testResultsAndCoverageAreReadPerJobAndAMalformedFileIsAWarning() throws Exception {
    String yml =
        """
        language: java
        jdk: [openjdk17, openjdk21]
        build:
          ci:
            - mkdir -p shippable/testresults shippable/codecoverage
            - |
              cat > shippable/testresults/unit.xml <<XML
              <testsuite name="app.CartTest" tests="3" failures="1" errors="0" skipped="1" time="0.5">
                <testcase classname="app.CartTest" name="adds" time="0.1"/>
                <testcase classname="app.CartTest" name="total" time="0.2"><failure message="expected 3 but was 4"/></testcase>
                <testcase classname="app.CartTest" name="later" time="0"><skipped/></testcase>
              </testsuite>
              XML
            - |
              cat > shippable/codecoverage/coverage.xml <<XML
              <coverage line-rate="0.5" branch-rate="0.25" lines-covered="5" lines-valid="10" branches-covered="1" branches-valid="4"></coverage>
              XML
            - echo '<testsuite' > shippable/testresults/broken.xml
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.SUCCESS, outcome.ending(), ci.text());
      Map<String, Object> job = matrix(outcome).get(0);
      assertEquals("eclipse-temurin:17", job.get("image"));
      @SuppressWarnings("unchecked")
      Map<String, Object> tests = (Map<String, Object>) job.get("tests");
      assertEquals(3, tests.get("total"));
      assertEquals(1, tests.get("passed"));
      assertEquals(1, tests.get("failed"));
      assertEquals(1, tests.get("skipped"));
      assertEquals(
          List.of(
              Map.of("suite", "app.CartTest", "name", "total", "message", "expected 3 but was 4")),
          tests.get("failedTests"));
      assertEquals(Map.of("lines", 50.0, "branches", 25.0), job.get("coverage"));
      assertTrue(job.get("warnings").toString().contains("broken.xml"), job.toString());
      @SuppressWarnings("unchecked")
      Map<String, Object> totals = (Map<String, Object>) outcome.report().get("tests");
      assertEquals(6, totals.get("total"));
      assertEquals(Map.of("lines", 50.0, "branches", 25.0), outcome.report().get("coverage"));
      String log = ci.text();
      assertTrue(log.contains("[7.2] tests: 1 passed, 1 failed, 0 errors, 1 skipped"), log);
      assertTrue(log.contains("[7.1] warning: ") && log.contains("broken.xml"), log);
    }
  }

  @Test
  void withoutACiRepoVersionTheBuildIsAnErrorSayingSo() throws Exception {
    Path notARepo = Files.createDirectories(temp.resolve("empty"));
    try (CiHarness ci =
        new CiHarness(temp.resolve("run"), "language: ruby\n", notARepo, "0123abc")) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.ERROR, outcome.ending(), ci.text());
      assertEquals("error", matrix(outcome).get(0).get("status"));
      assertTrue(ci.text().contains("[7.1] error: cannot check out commit 0123abc of"), ci.text());
    }
  }

  @Test
  void aMatrixWhoseJobsAreAllExcludedIsAnErrorSayingSo() throws Exception {
    String yml =
        """
        language: go
        go: ["1.22"]
        matrix:
          exclude:
            - go: "1.22"
        """;
    try (CiHarness ci = new CiHarness(temp.resolve("run"), yml, repo.dir(), sha)) {
      BodyOutcome outcome = ci.run();

      assertEquals(BodyOutcome.Ending.ERROR, outcome.ending(), ci.text());
      assertEquals(
          Optional.of(
              "matrix.exclude removes every job of the matrix: nothing to build; exclude fewer"
                  + " combinations"),
          outcome.reason());
      assertEquals(List.of(), matrix(outcome));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> matrix(BodyOutcome outcome) {
    return (List<Map<String, Object>>) outcome.report().get("matrix");
  }
}
