package dev.shiprun.runner.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the one daemon context of the test application on a temporary home, once: every
 * {@code @QuarkusTest} class shares the application, so whichever runs first opens it and the
 * others use that home (tests pick names of their own and never expect an empty store).
 */
final class ApiTestHome {

  /** Made up for tests: the API token every test class sends. */
  static final String TOKEN = "made-up-token-for-DaemonApiTest";

  private ApiTestHome() {}

  static DaemonContext.Opened open(DaemonContext daemon) throws IOException {
    synchronized (ApiTestHome.class) {
      if (daemon.opened().isEmpty()) {
        Path home = Files.createTempDirectory("shiprun-api-test");
        daemon.open(
            DaemonContext.Opened.of(
                home, Store.open(home, new ObjectMapper()), ApiToken.of(TOKEN), Optional.empty()));
      }
      return daemon.opened().orElseThrow();
    }
  }
}
