package dev.shiprun.runner.engine.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Installs the bash {@code shipctl} (a resource of this jar) once per home, in {@code <home>/bin},
 * which every job has first on its PATH. Written only when missing or different, through a
 * temporary file and an atomic move, so a CLI and a daemon sharing the home never see half a
 * script.
 */
public final class Shipctl {

  static final String RESOURCE = "/shipctl/shipctl";

  private final byte[] script;

  public Shipctl() {
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

  /** Makes {@code <bin>/shipctl} this jar's shipctl; returns {@code bin}. */
  public Path install(Path bin) {
    Path target = bin.resolve("shipctl");
    try {
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), script)) {
        return bin;
      }
      Files.createDirectories(bin);
      Path temp = Files.createTempFile(bin, ".shipctl", ".tmp");
      Files.write(temp, script);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return bin;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
