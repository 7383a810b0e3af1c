package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed reading of one YAML mapping: each getter reports a value of the wrong shape as a diagnostic
 * naming the key and the owner ("resource 'app-image'") and returns empty, so reading goes on and
 * every problem is reported in one pass.
 */
final class Fields {

  private final YamlMapping map;
  private final String owner;
  private final Diagnostics out;

  Fields(YamlMapping map, String owner, Diagnostics out) {
    this.map = map;
    this.owner = owner;
    this.out = out;
  }

  YamlMapping map() {
    return map;
  }

  SourceLocation at() {
    return map.at();
  }

  /** Warns about every key outside {@code known}, suggesting the closest known one. */
  void warnUnknownKeys(Set<String> known) {
    for (YamlEntry entry : map.entries()) {
      if (!known.contains(entry.name())) {
        Optional<String> near = Suggestions.closest(entry.name(), known);
        out.warning(
            DiagnosticCode.AL010,
            entry.key().at(),
            "unknown key '" + entry.name() + "' in " + owner + "; it is ignored",
            near.map(n -> "did you mean '" + n + "'?")
                .orElse("known keys: " + String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  Optional<YamlValue> value(String key) {
    return map.get(key);
  }

  /** The value of {@code key} or null, without an Optional. */
  YamlValue find(String key) {
    return map.find(key);
  }

  Optional<YamlScalar> scalar(String key) {
    YamlScalar s = scalarOrNull(key);
    return s == null ? Optional.empty() : Optional.of(s);
  }

  /** {@link #scalar} without an Optional, for the getters below (called for every known key). */
  private YamlScalar scalarOrNull(String key) {
    YamlValue value = map.find(key);
    if (value == null) {
      return null;
    }
    if (value instanceof YamlScalar s) {
      return s.isNull() ? null : s;
    }
    wrongShape(key, value, "a single value");
    return null;
  }

  /**
   * The {@code name} of a resource or job ({@code kind}). Missing, empty ({@code ""}) or blank is
   * AL101; a value of the wrong shape is reported once, as AL008, not again as missing.
   */
  Optional<String> requiredName(String kind) {
    Optional<YamlValue> raw = map.get("name");
    Optional<String> name = string("name");
    if (name.isPresent() && !name.get().isBlank()) {
      return name;
    }
    if (raw.isPresent() && !(raw.get() instanceof YamlScalar)) {
      return Optional.empty();
    }
    boolean empty = name.isPresent();
    out.error(
        DiagnosticCode.AL101,
        empty ? raw.get().at() : map.at(),
        kind + (empty ? " has an empty 'name'" : " has no 'name'"),
        "every " + kind + " needs a name that is unique across jobs and resources");
    return Optional.empty();
  }

  Optional<String> string(String key) {
    YamlScalar s = scalarOrNull(key);
    return s == null ? Optional.empty() : Optional.of(s.text());
  }

  Optional<Boolean> bool(String key) {
    return Optional.ofNullable(boolOrNull(key));
  }

  /** {@code key} as a boolean; {@code absent} when it is missing or not a boolean (reported). */
  boolean bool(String key, boolean absent) {
    Boolean b = boolOrNull(key);
    return b == null ? absent : b;
  }

  private Boolean boolOrNull(String key) {
    YamlScalar s = scalarOrNull(key);
    if (s == null) {
      return null;
    }
    Boolean b = s.asBooleanOrNull();
    if (b == null) {
      out.error(
          DiagnosticCode.AL011,
          s.at(),
          "'" + key + "' of " + owner + " must be true or false, found '" + s.text() + "'",
          "write " + key + ": true or " + key + ": false");
    }
    return b;
  }

  OptionalLong number(String key, long min, long max) {
    YamlScalar s = scalarOrNull(key);
    if (s == null) {
      return OptionalLong.empty();
    }
    OptionalLong n = s.asLong();
    if (n.isEmpty() || n.getAsLong() < min || n.getAsLong() > max) {
      out.error(
          DiagnosticCode.AL011,
          s.at(),
          "'"
              + key
              + "' of "
              + owner
              + " must be a whole number from "
              + min
              + " to "
              + max
              + ", found '"
              + s.text()
              + "'",
          "write a number between " + min + " and " + max);
      return OptionalLong.empty();
    }
    return n;
  }

  Optional<YamlMapping> mapping(String key) {
    YamlValue value = map.find(key);
    if (value == null || value instanceof YamlScalar s && s.isNull()) {
      return Optional.empty();
    }
    if (value instanceof YamlMapping m) {
      return Optional.of(m);
    }
    wrongShape(key, value, "a mapping");
    return Optional.empty();
  }

  /** A string or a list of strings; both spellings are common in Shippable examples. */
  List<String> strings(String key) {
    YamlValue found = map.find(key);
    if (found == null) {
      return List.of(); // most jobs and resources have no flags: no list each
    }
    Optional<YamlValue> value = Optional.of(found);
    List<String> result = new ArrayList<>();
    if (value.get() instanceof YamlScalar s) {
      if (!s.isNull()) {
        result.add(s.text());
      }
    } else if (value.get() instanceof YamlSequence seq) {
      for (YamlValue item : seq.items()) {
        if (item instanceof YamlScalar s) {
          result.add(s.text());
        } else {
          wrongShape(key, item, "a string");
        }
      }
    } else {
      wrongShape(key, value.get(), "a string or a list of strings");
    }
    return result;
  }

  void wrongShape(String key, YamlValue found, String expected) {
    out.error(
        DiagnosticCode.AL008,
        found.at(),
        "'" + key + "' of " + owner + " must be " + expected + ", found " + found.describe(),
        ScriptReader.withAnchors(
            List.of(shapeHint(key, found, expected)),
            found.alias().map(List::of).orElse(List.of())));
  }

  /** What was most likely written instead of {@code expected}, and how to write it. */
  static String shapeHint(String path, YamlValue found, String expected) {
    boolean wantsList = expected.startsWith("a list");
    boolean wantsMapping = expected.startsWith("a mapping");
    String key = path.substring(path.lastIndexOf('.') + 1); // as written: 'LIST' of 'envs.LIST'
    if (found instanceof YamlMapping && wantsList) {
      return "put '- ' in front of each item under '" + key + ":'";
    }
    if (found instanceof YamlMapping m && !m.isEmpty() && !wantsMapping) {
      String first = m.entries().get(0).name();
      if (Vocabulary.isKeyword(first)) {
        // name: (empty) then, deeper, type: runSh: the key below reads as the value
        return "'"
            + first
            + ":' is indented under '"
            + key
            + ":', so it reads as its value; move '"
            + first
            + ":' back to the indentation of '"
            + key
            + ":' and write the value of '"
            + key
            + "' after '"
            + key
            + ":'";
      }
      return "'" + first + ": …' reads as a mapping; if it is one value with ': ' in it, quote it";
    }
    if (found instanceof YamlSequence && !wantsList) {
      return wantsMapping
          ? "remove the '- ' in front of the keys under '" + key + ":'"
          : "'" + key + "' takes one value, not a list: write '" + key + ": value'";
    }
    if (found instanceof YamlScalar) {
      if (wantsList) {
        return "write each item on its own line below '" + key + ":', starting with '- '";
      }
      if (wantsMapping) {
        return "write the keys of '" + key + "' on the lines below it, indented";
      }
    }
    return "write '" + key + "' as " + expected;
  }
}
