package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BootPropertiesTest {

  private static final Map<String, String> NO_HTTP = Map.of("quarkus.http.host-enabled", "false");

  @Test
  void oneShotCommandsStartNoListener() {
    assertEquals(NO_HTTP, BootProperties.of("validate", "samples/params-state"));
    assertEquals(NO_HTTP, BootProperties.of("run", "--home", "daemon"));
    assertEquals(NO_HTTP, BootProperties.of());
    assertEquals(NO_HTTP, BootProperties.of("--help"));
  }

  @Test
  void theDaemonListensOnItsOptions() {
    assertEquals(
        Map.of(
            "quarkus.http.host", "127.0.0.1",
            "quarkus.http.port", "8484",
            "quarkus.http.limits.max-body-size", "10M"),
        BootProperties.of("daemon"));
    assertEquals(
        Map.of(
            "quarkus.http.host", "0.0.0.0",
            "quarkus.http.port", "9000",
            "quarkus.http.limits.max-body-size", "512K"),
        BootProperties.of(
            "daemon",
            "--home",
            "/tmp/h",
            "--port",
            "9000",
            "--bind=0.0.0.0",
            "--concurrency=4",
            "--max-body=512K"));
  }

  @Test
  void aDaemonCommandLineThatWillNotRunStartsNoListener() {
    // The command then shows its help or the usage error, without taking a port first.
    assertEquals(NO_HTTP, BootProperties.of("daemon", "--help"));
    assertEquals(NO_HTTP, BootProperties.of("daemon", "--port", "http"));
    assertEquals(NO_HTTP, BootProperties.of("daemon", "--port", "0"));
    assertEquals(NO_HTTP, BootProperties.of("daemon", "--concurrency", "0"));
    assertEquals(NO_HTTP, BootProperties.of("daemon", "--prot", "9000"));
  }
}
