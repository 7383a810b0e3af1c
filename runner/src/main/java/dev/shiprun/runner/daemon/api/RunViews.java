package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs as the API answers with them, each with the versions it made: one query for all the runs of
 * an answer, the versions masked as every version the API shows.
 */
final class RunViews {

  private RunViews() {}

  static List<RunView> all(DaemonContext.Opened daemon, List<Run> runs) {
    Store store = daemon.store();
    List<StoredVersion> made =
        store.transaction(c -> store.versions().madeBy(c, runs.stream().map(Run::id).toList()));
    if (made.isEmpty()) {
      return runs.stream().map(RunView::of).toList();
    }
    ShownVersions shown = ShownLines.of(daemon, runs.stream().map(Run::line).distinct().toList());
    Map<Long, List<StoredVersion>> byRun =
        shown.versions(made).stream()
            .collect(Collectors.groupingBy(v -> v.createdByRun().getAsLong()));
    return runs.stream().map(r -> RunView.of(r, byRun.getOrDefault(r.id(), List.of()))).toList();
  }

  static RunView of(DaemonContext.Opened daemon, Run run) {
    return all(daemon, List.of(run)).get(0);
  }
}
