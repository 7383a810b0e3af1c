package dev.shiprun.runner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's report in the store: kept with its end, read back as it was, none for older runs. */
class RunReportStoreTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path home;

  @Test
  void aReportIsReadBackAsItWasStoredInItsOrderAndARunWithoutOneHasNone() {
    Map<String, Object> report = ReportSample.failedBuild();
    try (Store store = Store.open(home, json)) {
      Run ci = store.transaction(c -> store.runs().start(c, "line", "app_runCI", "manual"));
      Run plain = store.transaction(c -> store.runs().start(c, "line", "deploy", "app_runCI"));
      store.transaction(
          c -> {
            store
                .runs()
                .finish(c, ci.id(), RunStatus.FAILURE, Optional.of("1 test failed"), report);
            store.runs().finish(c, plain.id(), RunStatus.SUCCESS, Optional.empty(), Map.of());
            return null;
          });
      Run read = store.transaction(c -> store.runs().get(c, ci.id())).orElseThrow();
      assertEquals(report, read.report());
      assertEquals(List.of("matrix", "tests"), new ArrayList<>(read.report().keySet()));
      assertEquals(RunStatus.FAILURE, read.status());
      assertEquals(
          Map.of(), store.transaction(c -> store.runs().get(c, plain.id())).orElseThrow().report());
      assertEquals(
          report,
          store
              .transaction(c -> store.runs().list(c, Optional.of("line"), Optional.empty(), 10))
              .get(1)
              .report(),
          "a listed run carries its report too");
    }
  }

  @Test
  void aStoreMadeBeforeReportsIsUpgradedAndItsRunsHaveNone() throws Exception {
    // A home as the shiprun before reports left it: the schema up to V5 and a finished run.
    OlderStore.withOneRun(home, "5");

    try (Store store = Store.open(home, json)) {
      assertEquals(Integer.parseInt(Store.SCHEMA_VERSION), store.transaction(Store::schemaVersion));
      List<Run> runs =
          store.transaction(c -> store.runs().list(c, Optional.empty(), Optional.empty(), 10));
      assertEquals(1, runs.size());
      assertEquals(RunStatus.SUCCESS, runs.get(0).status());
      assertEquals(Map.of(), runs.get(0).report(), "an older run has no report");

      Run next = store.transaction(c -> store.runs().start(c, "line", "build", "manual"));
      assertEquals(2, next.buildNumber());
      store.transaction(
          c -> {
            store
                .runs()
                .finish(
                    c, next.id(), RunStatus.SUCCESS, Optional.empty(), ReportSample.failedBuild());
            return null;
          });
      assertEquals(
          ReportSample.failedBuild(),
          store.transaction(c -> store.runs().get(c, next.id())).orElseThrow().report());
    }
  }
}
