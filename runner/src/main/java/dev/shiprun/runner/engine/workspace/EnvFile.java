package dev.shiprun.runner.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code $JOB_STATE/<name>.env} file as the runner reads it after a job (spec §1.5.1 step 4 and
 * §9, 7): one {@code key=value} per line, split on the first {@code =} only (a deliberate fix: the
 * original cut values at the second one), quotes kept as written, a BOM dropped, lines without a
 * key skipped. A later line replaces an earlier value of its key.
 */
public final class EnvFile {

  private EnvFile() {}

  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (String line : text.split("\n", -1)) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (!key.isEmpty()) {
        out.put(key, line.substring(eq + 1));
      }
    }
    return out;
  }
}
