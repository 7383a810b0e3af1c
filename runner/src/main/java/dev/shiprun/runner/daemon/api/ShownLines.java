package dev.shiprun.runner.daemon.api;

import dev.shiprun.model.env.SecureParams;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.runner.engine.log.ShownVersions;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.SecureValueCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the API masks the versions of some lines with: every secret of the daemon's integrations,
 * and the opened pairs of each {@code secure:} value of those lines (a job reads them as plain
 * params, so a version stored otherwise could hold one). The encrypted values themselves show as
 * {@code ***} too ({@link ShownVersions#version}).
 */
final class ShownLines {

  private ShownLines() {}

  static ShownVersions of(DaemonContext.Opened daemon, Collection<String> lines) {
    IntegrationStore integrations = daemon.integrations();
    List<String> opened = new ArrayList<>();
    for (String line : lines) {
      daemon
          .lines()
          .load(line)
          .ifPresent(
              v -> {
                SecureParams secure = SecureValueCheck.open(v.pipeline(), () -> integrations);
                reveal(secure.values(), opened);
                reveal(secure.ciValues(), opened);
              });
    }
    return ShownVersions.of(integrations.load().values(), opened);
  }

  private static void reveal(Map<String, Map<String, Secret>> pairs, List<String> to) {
    pairs.values().forEach(p -> p.values().forEach(s -> to.add(s.reveal())));
  }
}
