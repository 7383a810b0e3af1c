package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.runner.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon every @QuarkusTest of the API talks to: one context per test JVM (the app is shared by
 * the test classes), opened on a temporary home with a made-up token, its workers running.
 */
final class TestDaemon {

  static final String TOKEN = "made-up-token-for-the-api-tests";

  private TestDaemon() {}

  /** A request with the test daemon's token. */
  static io.restassured.specification.RequestSpecification api() {
    return io.restassured.RestAssured.given().header("Authorization", "Bearer " + TOKEN);
  }

  /** A manual run of {@code job} of {@code line}, queued through the API; its id. */
  static long trigger(String line, String job) {
    return api()
        .contentType("application/json")
        .body(java.util.Map.of())
        .post("/api/lines/{line}/jobs/{job}/runs", line, job)
        .then()
        .statusCode(202)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Triggers {@code job} of {@code line} and waits until its run ended; the run's id. */
  static long runToEnd(String line, String job) throws Exception {
    long id = trigger(line, job);
    dev.shiprun.runner.Poll.until(
        java.time.Duration.ofSeconds(60),
        () -> api().get("/api/runs/{id}", id).then().extract().<String>path("status"),
        s -> !s.equals("queued") && !s.equals("processing"),
        s -> "run " + id + " still " + s);
    return id;
  }

  static DaemonContext.Opened open(DaemonContext daemon) {
    synchronized (TestDaemon.class) {
      if (daemon.opened().isEmpty()) {
        try {
          Path home = Files.createTempDirectory("shiprun-api-test");
          daemon.open(
              DaemonContext.Opened.of(
                  home,
                  Store.open(home, new ObjectMapper()),
                  ApiToken.of(TOKEN),
                  Optional.empty()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      DaemonContext.Opened opened = daemon.opened().orElseThrow();
      opened.runs().start();
      return opened;
    }
  }
}
