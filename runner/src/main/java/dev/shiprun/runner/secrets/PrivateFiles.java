package dev.shiprun.runner.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * Writes {@code text} (US-ASCII) to {@code file}, a new file that is 0600 from its creation;
   * fails with {@link java.nio.file.FileAlreadyExistsException} when the file exists, so two
   * processes that race to make a key keep the first one.
   */
  public static void createNew(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = temporary(file.getParent(), "." + file.getFileName() + "-");
    try {
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      // A hard link publishes the finished file only if none is there (no rename over a key).
      Files.createLink(file, tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
