package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A YAML mapping with its entries in document order. Keys are unique (the loader checks). */
public record YamlMapping(List<YamlEntry> entries, SourceLocation at) implements YamlValue {

  public YamlMapping {
    entries = List.copyOf(entries);
    Objects.requireNonNull(at, "at");
  }

  public static YamlMapping empty(SourceLocation at) {
    return new YamlMapping(List.of(), at);
  }

  public Optional<YamlEntry> entry(String key) {
    for (YamlEntry entry : entries) {
      if (entry.name().equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public Optional<YamlValue> get(String key) {
    // One Optional, not two: the readers call this for every key they know.
    for (YamlEntry entry : entries) {
      if (entry.name().equals(key)) {
        return Optional.of(entry.value());
      }
    }
    return Optional.empty();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String describe() {
    return "a mapping";
  }

  @Override
  public Object toPlain() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (YamlEntry entry : entries) {
      out.put(entry.name(), entry.value().toPlain());
    }
    return out;
  }
}
