package dev.shiprun.model.yaml;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with its entries in document order. Keys are unique (the loader checks). */
public record YamlMapping(
    List<YamlEntry> entries, String file, int line, int column, YamlAnchor aliasOf)
    implements YamlValue {

  public YamlMapping {
    entries = List.copyOf(entries);
    Positions.check(file, line, column);
  }

  public YamlMapping(List<YamlEntry> entries, String file, int line, int column) {
    this(entries, file, line, column, null);
  }

  @Override
  public YamlMapping usedAt(YamlAnchor anchor, String file, int line, int column) {
    return new YamlMapping(entries, file, line, column, anchor); // the entries are shared
  }

  public YamlMapping(List<YamlEntry> entries, SourceLocation at) {
    this(entries, at.file(), at.line(), at.column());
  }

  public static YamlMapping empty(SourceLocation at) {
    return new YamlMapping(List.of(), at);
  }

  public Optional<YamlEntry> entry(String key) {
    int i = indexOf(key);
    return i < 0 ? Optional.empty() : Optional.of(entries.get(i));
  }

  public Optional<YamlValue> get(String key) {
    return Optional.ofNullable(find(key));
  }

  /**
   * The value of {@code key}, or null: for the readers, which ask for every key they know of every
   * mapping, so neither an Optional nor an iterator per lookup.
   */
  public YamlValue find(String key) {
    int i = indexOf(key);
    return i < 0 ? null : entries.get(i).value();
  }

  private int indexOf(String key) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).name().equals(key)) {
        return i;
      }
    }
    return -1;
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
