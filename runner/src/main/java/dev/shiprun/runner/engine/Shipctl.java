package dev.shiprun.runner.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Puts the bash {@code shipctl} (a resource of this jar) on a job's PATH. */
final class Shipctl {

  static final String RESOURCE = "/shipctl/shipctl";

  private final byte[] script;

  Shipctl() {
    try (InputStream in = Shipctl.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "shipctl is missing from the shiprun jar (" + RESOURCE + ")");
      }
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void install(Path bin) throws IOException {
    Path target = bin.resolve("shipctl");
    Files.write(target, script);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
