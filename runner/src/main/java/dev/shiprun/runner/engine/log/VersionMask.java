package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.runner.store.NewVersion;
import dev.shiprun.runner.store.StoredVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A version's fields seen through a masker: which of them hold a secret (the versionName, each
 * property value and each property name, at any depth), and the version with every secret replaced
 * by {@code ***}. Values that are not text (numbers, booleans) are tested by their JSON text and
 * become masked text when they hold one.
 */
public final class VersionMask {

  /** The property a job does not write: a copy of the versions it read, masked but not refused. */
  static final String TRACE = "trace";

  /**
   * A field that holds a secret, by name only: {@code versionName}, {@code property 'params.KEY'}
   * or {@code the name of property 'params.***'}; and what the secret is ({@code a secret of
   * integration 'hub-creds'}), never its value.
   */
  record Leak(String field, String source) {}

  private final SecretMasker masker;

  public VersionMask(SecretMasker masker) {
    this.masker = masker;
  }

  /**
   * The fields of {@code v} that hold a secret, but its {@code trace}; {@code sourceOf} says what
   * the secret in a text is (it is given the text, and never shows it).
   */
  List<Leak> leaks(NewVersion v, UnaryOperator<String> sourceOf) {
    List<Leak> out = new ArrayList<>();
    v.versionName()
        .filter(this::holdsSecret)
        .ifPresent(n -> out.add(new Leak("versionName", sourceOf.apply(n))));
    for (Map.Entry<String, Object> e : v.propertyBag().entrySet()) {
      if (!e.getKey().equals(TRACE)) {
        name(e.getKey(), e.getKey(), sourceOf, out);
        leaks(e.getKey(), e.getValue(), sourceOf, out);
      }
    }
    return out;
  }

  public NewVersion masked(NewVersion v) {
    return new NewVersion(
        v.line(),
        v.name(),
        v.kind(),
        v.versionName().map(masker::mask),
        bag(v.propertyBag()),
        v.files(),
        v.createdByRun());
  }

  StoredVersion masked(StoredVersion v) {
    return new StoredVersion(
        v.id(),
        v.line(),
        v.name(),
        v.kind(),
        v.number(),
        v.versionName().map(masker::mask),
        bag(v.propertyBag()),
        v.filesSha(),
        v.createdByRun(),
        v.createdAt());
  }

  /**
   * Plain values kept beside a run (its report) with every secret replaced, in names and values at
   * any depth, as in a version's properties.
   */
  public Map<String, Object> masked(Map<String, Object> values) {
    return bag(values);
  }

  /** The leaks of the value at {@code path} ({@code params.KEY}, {@code list[2]}). */
  private void leaks(String path, Object value, UnaryOperator<String> sourceOf, List<Leak> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        name(key, path + "." + key, sourceOf, out);
        leaks(path + "." + key, e.getValue(), sourceOf, out);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        leaks(path + "[" + i + "]", list.get(i), sourceOf, out);
      }
    } else if (value != null && holdsSecret(String.valueOf(value))) {
      out.add(
          new Leak("property '" + masker.mask(path) + "'", sourceOf.apply(String.valueOf(value))));
    }
  }

  /** A property whose name is a secret is named by its path, masked. */
  private void name(String key, String path, UnaryOperator<String> sourceOf, List<Leak> out) {
    if (holdsSecret(key)) {
      out.add(new Leak("the name of property '" + masker.mask(path) + "'", sourceOf.apply(key)));
    }
  }

  /** The bag with every name and value masked; a masked name that meets another gets a number. */
  private Map<String, Object> bag(Map<String, Object> bag) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : bag.entrySet()) {
      put(out, masker.mask(e.getKey()), value(e.getValue()));
    }
    return out;
  }

  private Object value(Object value) {
    if (value instanceof String s) {
      return masker.mask(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> put(out, masker.mask(String.valueOf(k)), value(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(value(v)));
      return out;
    }
    if (value != null) {
      String text = String.valueOf(value);
      String masked = masker.mask(text);
      return masked.equals(text) ? value : masked;
    }
    return null;
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    String name = key;
    for (int n = 2; out.containsKey(name); n++) {
      name = key + " (" + n + ")";
    }
    out.put(name, value);
  }

  private boolean holdsSecret(String text) {
    return !masker.mask(text).equals(text);
  }
}
