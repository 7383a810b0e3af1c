package dev.shiprun.runner.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

/** A self-signed certificate for 127.0.0.1 and localhost and its key, made by the real openssl. */
public final class SelfSigned {

  private SelfSigned() {}

  /**
   * Writes a new pair (PEM, EC P-256, two days) to {@code cert} and {@code key}, with {@code name}
   * in its subject; openssl's output goes next to the key as {@code <key>.openssl.log}.
   */
  public static void make(String name, Path cert, Path key) throws Exception {
    Path log = key.resolveSibling(key.getFileName() + ".openssl.log");
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=shiprun-test-" + name,
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertEquals(0, openssl.waitFor(), Files.readString(log));
  }
}
