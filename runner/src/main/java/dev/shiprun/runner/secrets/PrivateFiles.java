package dev.shiprun.runner.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets or what a secret was masked from: owner-only from their creation. */
public final class PrivateFiles {

  private PrivateFiles() {}

  /**
   * A new empty file in {@code dir}, mode 0600 from the start (never briefly readable by others),
   * to be written and then moved over the real one.
   */
  public static Path temporary(Path dir, String prefix) throws IOException {
    return Files.createTempFile(
        dir,
        prefix,
        ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }
}
