package dev.shiprun.model.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a gitRepo version knows about its commit: Shippable's {@code propertyBag.shaData}, flattened
 * to text with nested keys joined by a dot ({@code committer.displayName}).
 */
public record ShaData(Map<String, String> fields) {

  public ShaData {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A non-empty value of {@code key}. */
  public Optional<String> text(String key) {
    String v = fields.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Flattens a shaData object as read from JSON: maps nest, everything else becomes text. */
  public static ShaData of(Map<?, ?> shaData) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", shaData, out);
    return new ShaData(out);
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix + k;
          if (v instanceof Map<?, ?> nested) {
            flatten(key + ".", nested, out);
          } else if (v != null) {
            out.put(key, String.valueOf(v));
          }
        });
  }
}
