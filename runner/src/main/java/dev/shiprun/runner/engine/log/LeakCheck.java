package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.secrets.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Fail closed: after the scripts, whether any secret form got past the masker into the stored log
 * (a value {@code shipctl mask} registered after it was printed; a line of a multi-line secret too
 * short to mask alone). Says where, never what. A stored log with a leak is rewritten masked, now
 * that every secret is known. The versions a run posts are checked by {@link VersionMask}.
 */
public final class LeakCheck {

  private final SecretMasker masker;

  public LeakCheck(SecretMasker masker) {
    this.masker = masker;
  }

  /**
   * The lines of {@code file} that still hold a secret form, each rewritten masked; the file is
   * replaced (atomically) only when there was one. The caller holds the file closed meanwhile.
   */
  List<String> scrub(Path file) throws IOException {
    List<String> places = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int number = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        String masked = masker.mask(line);
        if (!masked.equals(line)) {
          places.add("the stored log, line " + number);
        }
        lines.add(masked);
      }
    }
    if (!places.isEmpty()) {
      Path tmp = PrivateFiles.temporary(file.getParent(), ".log-");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return places;
  }
}
