package dev.shiprun.model.ci;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reading of the values of a CI shippable.yml: a value of the wrong shape is reported (AL008,
 * with where it is and how to write it) and read as empty, so every problem shows in one pass.
 */
final class CiShapes {

  private final Diagnostics out;

  CiShapes(Diagnostics out) {
    this.out = out;
  }

  Diagnostics diagnostics() {
    return out;
  }

  /** A single value, or empty for a missing, empty or wrongly shaped one. */
  Optional<YamlScalar> scalar(YamlValue value, String key) {
    if (value == null || value instanceof YamlScalar s && s.isNull()) {
      return Optional.empty();
    }
    if (value instanceof YamlScalar s) {
      return Optional.of(s);
    }
    wrongShape(key, value, "a single value");
    return Optional.empty();
  }

  Optional<String> string(YamlValue value, String key) {
    return scalar(value, key).map(YamlScalar::text);
  }

  Optional<Boolean> bool(YamlValue value, String key) {
    Optional<YamlScalar> s = scalar(value, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Boolean b = s.get().asBooleanOrNull();
    if (b == null) {
      out.error(
          DiagnosticCode.AL011,
          s.get().at(),
          "'" + key + "' must be true or false, found '" + s.get().text() + "'",
          "write " + key + ": true or " + key + ": false");
    }
    return Optional.ofNullable(b);
  }

  Optional<YamlMapping> mapping(YamlValue value, String key) {
    if (value == null || value instanceof YamlScalar s && s.isNull()) {
      return Optional.empty();
    }
    if (value instanceof YamlMapping m) {
      return Optional.of(m);
    }
    wrongShape(key, value, "a mapping");
    return Optional.empty();
  }

  /** The items of a list; a single value stands for a list of one. */
  List<YamlValue> items(YamlValue value) {
    if (value == null || value instanceof YamlScalar s && s.isNull()) {
      return List.of();
    }
    return value instanceof YamlSequence seq ? seq.items() : List.of(value);
  }

  /** A string or a list of strings. */
  List<String> strings(YamlValue value, String key) {
    List<String> result = new ArrayList<>();
    for (YamlScalar s : scalars(value, key)) {
      result.add(s.text());
    }
    return result;
  }

  /** A command or a list of commands, each with its position. */
  List<ScriptLine> script(YamlValue value, String key) {
    List<ScriptLine> result = new ArrayList<>();
    for (YamlScalar s : scalars(value, key)) {
      result.add(new ScriptLine(s.text(), s.at()));
    }
    return result;
  }

  private List<YamlScalar> scalars(YamlValue value, String key) {
    if (value instanceof YamlMapping) {
      wrongShape(key, value, "a list of strings");
      return List.of();
    }
    List<YamlScalar> result = new ArrayList<>();
    for (YamlValue item : items(value)) {
      if (item instanceof YamlScalar s) {
        if (!s.isNull()) {
          result.add(s);
        }
      } else {
        wrongShape(key, item, "a string");
      }
    }
    return result;
  }

  void wrongShape(String key, YamlValue found, String expected) {
    out.error(
        DiagnosticCode.AL008,
        found.at(),
        "'" + key + "' must be " + expected + ", found " + found.describe(),
        hint(key, found, expected));
  }

  private static String hint(String key, YamlValue found, String expected) {
    if (found instanceof YamlMapping && expected.startsWith("a list")) {
      return "put '- ' in front of each item under '" + key + ":'";
    }
    if (found instanceof YamlSequence && expected.startsWith("a mapping")) {
      return "remove the '- ' in front of the keys under '" + key + ":'";
    }
    if (found instanceof YamlSequence) {
      return "'" + key + "' takes one value, not a list: write '" + key + ": value'";
    }
    if (found instanceof YamlMapping m && !m.isEmpty()) {
      String first = m.entries().get(0).name();
      return "'" + first + ": …' reads as a mapping; if it is one value with ': ' in it, quote it";
    }
    return "write '" + key + "' as " + expected;
  }
}
