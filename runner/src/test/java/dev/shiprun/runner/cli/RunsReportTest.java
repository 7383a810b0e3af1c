package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.store.ReportSample;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.RunStatus;
import dev.shiprun.runner.store.RunStepSample;
import dev.shiprun.runner.store.Store;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shiprun runs} shows a stored run's report under its row, and in its JSON. */
@QuarkusMainTest
class RunsReportTest {

  @TempDir Path home;

  @Test
  void aRunWithAReportShowsItsCountsAndOneWithoutShowsNone(QuarkusMainLauncher launcher)
      throws Exception {
    long ci;
    try (Store store = Store.open(home, new ObjectMapper())) {
      Run plain = store.transaction(c -> store.runs().start(c, "web", "deploy", "manual"));
      Run run = store.transaction(c -> store.runs().start(c, "web", "app_runCI", "manual"));
      ci = run.id();
      store.transaction(
          c -> {
            store
                .runs()
                .finish(
                    c,
                    plain.id(),
                    RunStatus.SUCCESS,
                    Optional.empty(),
                    Map.of(),
                    List.of(RunStepSample.success("deploy it")));
            store
                .runs()
                .finish(
                    c,
                    run.id(),
                    RunStatus.FAILURE,
                    Optional.of("1 test failed"),
                    ReportSample.failedBuild());
            return null;
          });
    }

    LaunchResult text = launcher.launch("runs", "--home", home.toString());
    assertEquals(0, text.exitCode(), text.getErrorOutput());
    List<String> lines = text.getOutput().lines().toList();
    assertEquals(5, lines.size(), text.getOutput());
    assertTrue(lines.get(1).contains("app_runCI") && lines.get(1).endsWith("(1 test failed)"));
    assertEquals("       3.1  failure  4 tests, 1 failed, 0 skipped  lines 75.5 %", lines.get(2));
    assertEquals("           failed: ApiTest › answers 404", lines.get(3));
    assertTrue(lines.get(4).contains("deploy"), "a run without a report is one row: " + lines);

    LaunchResult json = launcher.launch("runs", "--home", home.toString(), "-o", "json");
    assertEquals(0, json.exitCode(), json.getErrorOutput());
    JsonNode runs = new ObjectMapper().readTree(json.getOutput());
    assertEquals(ci, runs.get(0).get("id").asLong());
    assertEquals(
        "answers 404",
        runs.get(0).at("/report/matrix/0/tests/failedTests/0/name").asText(),
        json.getOutput());
    assertFalse(runs.get(1).has("report"), json.getOutput());
    assertEquals("deploy it", runs.get(1).at("/steps/0/name").asText(), json.getOutput());
    assertEquals("task", runs.get(1).at("/steps/0/kind").asText());
    assertEquals("success", runs.get(1).at("/steps/0/status").asText());
    assertFalse(runs.get(0).has("steps"), "a run without steps has none: " + json.getOutput());
  }
}
