package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's steps in the store (kept with its end, read back in order, none for older runs), the
 * versions runs made (one query for many runs), and the newest run of each job and version of each
 * name.
 */
class RunStepsStoreTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path home;

  private static final List<RunStep> STEPS =
      List.of(
          new RunStep(
              "on_start",
              RunStep.Kind.HOOK,
              RunStatus.SUCCESS,
              Instant.parse("2026-12-07T01:00:00.123456Z"),
              Duration.ofMillis(12)),
          new RunStep(
              "compile",
              RunStep.Kind.TASK,
              RunStatus.FAILURE,
              Instant.parse("2026-12-07T01:00:00.135Z"),
              Duration.ofMillis(3400)),
          new RunStep(
              "on_failure",
              RunStep.Kind.HOOK,
              RunStatus.SUCCESS,
              Instant.parse("2026-12-07T01:00:03.535Z"),
              Duration.ZERO));

  private static NewVersion version(String name, VersionKind kind, long run, String versionName) {
    return new NewVersion(
        "line",
        name,
        kind,
        Optional.of(versionName),
        Map.of("versionName", versionName),
        Optional.empty(),
        OptionalLong.of(run));
  }

  @Test
  void stepsAreStoredWithTheEndAndTheVersionsOfManyRunsComeInOneQuery() {
    try (Store store = Store.open(home, json)) {
      Run first = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      Run second = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      Run other = store.transaction(c -> store.runs().start(c, "line", "deploy", "build"));
      store.transaction(
          c -> {
            store.versions().post(c, version("build", VersionKind.JOB, first.id(), "1"));
            store.versions().post(c, version("app-image", VersionKind.RESOURCE, first.id(), "1.1"));
            store
                .versions()
                .post(c, version("app-image", VersionKind.RESOURCE, second.id(), "1.2"));
            store
                .runs()
                .finish(c, first.id(), RunStatus.FAILURE, Optional.empty(), Map.of(), STEPS);
            return null;
          });

      Run read = store.transaction(c -> store.runs().get(c, first.id())).orElseThrow();
      assertEquals(STEPS, read.steps());
      assertEquals(
          List.of(),
          store.transaction(c -> store.runs().get(c, second.id())).orElseThrow().steps());

      List<StoredVersion> made =
          store.transaction(
              c -> store.versions().madeBy(c, List.of(first.id(), second.id(), other.id())));
      assertEquals(
          List.of("build 1", "app-image 1.1", "app-image 1.2"),
          made.stream().map(v -> v.name() + " " + v.versionName().orElseThrow()).toList());
      assertEquals(List.of(), store.transaction(c -> store.versions().madeBy(c, List.of())));

      assertEquals(
          List.of(second.id(), other.id()),
          store.transaction(c -> store.runs().latestPerJob(c, Optional.of("line"))).stream()
              .map(Run::id)
              .toList());
      assertEquals(
          List.of(second.id(), other.id()),
          store.transaction(c -> store.runs().latestPerJob(c, Optional.empty())).stream()
              .map(Run::id)
              .toList());
      assertEquals(
          List.of("app-image 2", "build 1"),
          store.transaction(c -> store.versions().latestPerName(c, "line")).stream()
              .map(v -> v.name() + " " + v.number())
              .toList());
    }
  }

  @Test
  void aStoreMadeBeforeStepsIsUpgradedAndItsRunsHaveNone() throws Exception {
    // A home as the shiprun before steps left it: the schema up to V7 and a finished run.
    OlderStore.withOneRun(home, "7");

    try (Store store = Store.open(home, json)) {
      assertEquals(Integer.parseInt(Store.SCHEMA_VERSION), store.transaction(Store::schemaVersion));
      List<Run> runs =
          store.transaction(c -> store.runs().list(c, Optional.empty(), Optional.empty(), 10));
      assertEquals(1, runs.size());
      assertEquals(List.of(), runs.get(0).steps(), "an older run has no steps");

      Run next = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      store.transaction(
          c -> {
            store.runs().finish(c, next.id(), RunStatus.FAILURE, Optional.empty(), Map.of(), STEPS);
            return null;
          });
      assertEquals(
          STEPS, store.transaction(c -> store.runs().get(c, next.id())).orElseThrow().steps());
    }
  }
}
