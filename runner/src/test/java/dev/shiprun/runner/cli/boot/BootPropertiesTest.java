package dev.shiprun.runner.cli.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootPropertiesTest {

  private static final Map<String, String> NO_HTTP = Map.of("quarkus.http.host-enabled", "false");

  @Test
  void oneShotCommandsStartNoListener() {
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "validate", "samples/params-state"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "run", "--home", "daemon"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of()));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "--help"));
  }

  @Test
  void theDaemonListensOnItsOptions() {
    assertEquals(
        Map.of(
            "quarkus.http.host", "127.0.0.1",
            "quarkus.http.port", "8484",
            "quarkus.http.limits.max-body-size", "10M"),
        BootProperties.of(Map.of(), "daemon"));
    assertEquals(
        Map.of(
            "quarkus.http.host", "0.0.0.0",
            "quarkus.http.port", "9000",
            "quarkus.http.limits.max-body-size", "512K"),
        BootProperties.of(
            Map.of(),
            "daemon",
            "--home",
            "/tmp/h",
            "--port",
            "9000",
            "--bind=0.0.0.0",
            "--insecure-http",
            "--concurrency=4",
            "--max-body=512K"));
  }

  @Test
  void aDaemonCommandLineThatWillNotRunStartsNoListener() {
    // The command then shows its help or the usage error, without taking a port first.
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--help"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--port", "http"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--port", "0"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--concurrency", "0"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--prot", "9000"));
  }

  @Test
  void withACertificateTheDaemonServesHttpsOnItsPortAndNoPlainHttp(@TempDir Path dir)
      throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\nx\n");
    Path key = Files.writeString(dir.resolve("tls.key"), "-----BEGIN PRIVATE KEY-----\nx\n");
    Map<String, String> expected =
        Map.of(
            "quarkus.http.host", "0.0.0.0",
            "quarkus.http.port", "9443",
            "quarkus.http.limits.max-body-size", "10M",
            "quarkus.tls.shiprun-api.key-store.pem.0.cert", cert.toString(),
            "quarkus.tls.shiprun-api.key-store.pem.0.key", key.toString(),
            "quarkus.http.tls-configuration-name", "shiprun-api",
            "quarkus.http.ssl-port", "9443",
            "quarkus.http.insecure-requests", "disabled");
    assertEquals(
        expected,
        BootProperties.of(
            Map.of(),
            "daemon",
            "--bind",
            "0.0.0.0",
            "--port",
            "9443",
            "--tls-cert",
            cert.toString(),
            "--tls-key",
            key.toString()));
    assertEquals(
        expected,
        BootProperties.of(
            Map.of("SHIPRUN_TLS_CERT", cert.toString(), "SHIPRUN_TLS_KEY", key.toString()),
            "daemon",
            "--bind",
            "0.0.0.0",
            "--port",
            "9443"),
        "the same from the environment");
  }

  @Test
  void plainHttpBeyondLoopbackOrAHalfGivenCertificateStartsNoListener(@TempDir Path dir)
      throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\nx\n");
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--bind", "0.0.0.0"));
    assertEquals(NO_HTTP, BootProperties.of(Map.of(), "daemon", "--tls-cert", cert.toString()));
    assertEquals(
        NO_HTTP,
        BootProperties.of(
            Map.of(), "daemon", "--tls-cert", cert.toString(), "--tls-key", cert.toString()),
        "a key file that holds no key");
    assertEquals(
        "127.0.0.1",
        BootProperties.of(Map.of(), "daemon", "--insecure-http").get("quarkus.http.host"),
        "--insecure-http on loopback changes nothing");
  }
}
