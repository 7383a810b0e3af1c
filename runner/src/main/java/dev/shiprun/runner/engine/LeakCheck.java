package dev.shiprun.runner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.mask.SecretMasker;
import dev.shiprun.runner.secrets.PrivateFiles;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.VersionKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fail closed (issue 4): after the scripts, whether any secret form got past the masker into the
 * stored log (a value {@code shipctl mask} registered after it was printed; a line of a multi-line
 * secret too short to mask alone) or into the versions the run is about to post. Says where, never
 * what. A stored log with a leak is rewritten masked, now that every secret is known.
 */
final class LeakCheck {

  private final SecretMasker masker;
  private final ObjectMapper json;

  LeakCheck(SecretMasker masker, ObjectMapper json) {
    this.masker = masker;
    this.json = json;
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

  /** The versions to post whose versionName or a property holds a secret form. */
  List<String> versions(List<NewVersion> versions) {
    List<String> places = new ArrayList<>();
    for (NewVersion v : versions) {
      String what =
          (v.kind() == VersionKind.JOB ? "job version of " : "OUT version of ") + v.name();
      if (v.versionName().filter(this::holdsSecret).isPresent()) {
        places.add(what + ": versionName");
      }
      for (Map.Entry<String, Object> e : v.propertyBag().entrySet()) {
        if (holdsSecret(text(e.getValue()))) {
          places.add(what + ": propertyBag." + e.getKey());
        }
      }
    }
    return places;
  }

  private boolean holdsSecret(String text) {
    return !masker.mask(text).equals(text);
  }

  private String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
