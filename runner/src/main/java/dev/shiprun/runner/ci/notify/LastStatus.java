package dev.shiprun.runner.ci.notify;

import dev.shiprun.runner.ci.BranchKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The status of the last build of each branch, one small file per branch in the job's data folder:
 * what {@code change} compares with. Written whole and moved into place, so a reader never sees
 * half a word.
 */
final class LastStatus {

  private final Path folder;

  LastStatus(Path dataFolder) {
    this.folder = dataFolder.resolve("last-status");
  }

  /** The last build's status, empty for a branch never built (or a file that cannot be read). */
  Optional<String> of(String branch) {
    try {
      return Optional.of(Files.readString(file(branch), StandardCharsets.UTF_8).strip())
          .filter(s -> !s.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void set(String branch, String status) throws IOException {
    Files.createDirectories(folder);
    Path partial = Files.createTempFile(folder, ".partial-", "");
    try {
      Files.writeString(partial, status + "\n", StandardCharsets.UTF_8);
      Files.move(
          partial,
          file(branch),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private Path file(String branch) {
    return folder.resolve(BranchKey.of(branch));
  }
}
