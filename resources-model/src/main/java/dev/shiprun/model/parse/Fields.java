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

  Optional<YamlScalar> scalar(String key) {
    Optional<YamlValue> value = map.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof YamlScalar s) {
      return s.isNull() ? Optional.empty() : Optional.of(s);
    }
    wrongShape(key, value.get(), "a single value");
    return Optional.empty();
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
    return scalar(key).map(YamlScalar::text);
  }

  Optional<Boolean> bool(String key) {
    Optional<YamlScalar> s = scalar(key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> b = s.get().asBoolean();
    if (b.isEmpty()) {
      out.error(
          DiagnosticCode.AL011,
          s.get().at(),
          "'" + key + "' of " + owner + " must be true or false, found '" + s.get().text() + "'",
          "write " + key + ": true or " + key + ": false");
    }
    return b;
  }

  OptionalLong number(String key, long min, long max) {
    Optional<YamlScalar> s = scalar(key);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong n = s.get().asLong();
    if (n.isEmpty() || n.getAsLong() < min || n.getAsLong() > max) {
      out.error(
          DiagnosticCode.AL011,
          s.get().at(),
          "'"
              + key
              + "' of "
              + owner
              + " must be a whole number from "
              + min
              + " to "
              + max
              + ", found '"
              + s.get().text()
              + "'",
          "write a number between " + min + " and " + max);
      return OptionalLong.empty();
    }
    return n;
  }

  Optional<YamlMapping> mapping(String key) {
    Optional<YamlValue> value = map.get(key);
    if (value.isEmpty() || value.get() instanceof YamlScalar s && s.isNull()) {
      return Optional.empty();
    }
    if (value.get() instanceof YamlMapping m) {
      return Optional.of(m);
    }
    wrongShape(key, value.get(), "a mapping");
    return Optional.empty();
  }

  /** A string or a list of strings; both spellings are common in Shippable examples. */
  List<String> strings(String key) {
    Optional<YamlValue> value = map.get(key);
    List<String> result = new ArrayList<>();
    if (value.isEmpty()) {
      return result;
    }
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
        "see the shiprun docs for the shape of '" + key + "'");
  }
}
