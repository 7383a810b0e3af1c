package dev.shiprun.model.diagnostic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text of every file a pipeline was loaded from, so diagnostics can quote the line. */
public final class SourceSet {

  private final Map<String, String> texts;

  public SourceSet(Map<String, String> texts) {
    this.texts = new LinkedHashMap<>(texts);
  }

  public static SourceSet empty() {
    return new SourceSet(Map.of());
  }

  /** This set and {@code other} together (a pipeline's files and an integrations file). */
  public SourceSet with(SourceSet other) {
    Map<String, String> all = new LinkedHashMap<>(texts);
    all.putAll(other.texts);
    return new SourceSet(all);
  }

  public List<String> files() {
    return List.copyOf(texts.keySet());
  }

  /** Line {@code line} (1-based) of {@code file}, without its line break. */
  public Optional<String> line(String file, int line) {
    String text = texts.get(file);
    if (text == null || line < 1) {
      return Optional.empty();
    }
    int start = 0;
    for (int i = 1; i < line; i++) {
      int next = text.indexOf('\n', start);
      if (next < 0) {
        return Optional.empty();
      }
      start = next + 1;
    }
    int end = text.indexOf('\n', start);
    String found = text.substring(start, end < 0 ? text.length() : end);
    return Optional.of(found.endsWith("\r") ? found.substring(0, found.length() - 1) : found);
  }
}
