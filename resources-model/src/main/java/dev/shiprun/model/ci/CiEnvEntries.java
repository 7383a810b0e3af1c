package dev.shiprun.model.ci;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.ShellWords;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code env:} of a CI shippable.yml (spec §2.2): a list (every item a matrix job), or
 * {@code global:} and {@code matrix:} lists. An item is a string of {@code NAME=value} words split
 * as a shell would ({@code "A=1 B='x y'"}), a {@code {NAME: value}} map, or {@code {secure: BLOB}}.
 * Values are never repeated in messages: they may be secrets.
 */
final class CiEnvEntries {

  private final CiShapes shapes;

  CiEnvEntries(CiShapes shapes) {
    this.shapes = shapes;
  }

  CiEnv env(YamlValue value) {
    if (value == null || value instanceof YamlScalar s && s.isNull()) {
      return CiEnv.NONE;
    }
    if (!(value instanceof YamlMapping m)) {
      return new CiEnv(List.of(), entries(value, "env"));
    }
    if (m.find("global") == null && m.find("matrix") == null) {
      shapes
          .diagnostics()
          .error(
              DiagnosticCode.AL008,
              value.at(),
              "'env' must be a list, or 'global:' and 'matrix:' lists, found a mapping",
              "put the variables under 'global:' (every job) or 'matrix:' (one job each), or"
                  + " write '- NAME=value' items under 'env:'");
      return CiEnv.NONE;
    }
    for (YamlEntry e : m.entries()) {
      if (!e.name().equals("global") && !e.name().equals("matrix")) {
        shapes
            .diagnostics()
            .warning(
                DiagnosticCode.AL010,
                e.key().at(),
                "unknown key '" + e.name() + "' in 'env'; it is ignored",
                "'env' holds 'global:' (in every job) and 'matrix:' (one job each)");
      }
    }
    return new CiEnv(
        entries(m.find("global"), "env.global"), entries(m.find("matrix"), "env.matrix"));
  }

  private List<EnvEntry> entries(YamlValue value, String key) {
    if (value instanceof YamlMapping) {
      shapes.wrongShape(key, value, "a list");
      return List.of();
    }
    List<EnvEntry> result = new ArrayList<>();
    for (YamlValue item : shapes.items(value)) {
      entry(item, key).ifPresent(result::add);
    }
    return result;
  }

  /** One item: a string or a map; empty when it is neither or sets nothing. */
  Optional<EnvEntry> entry(YamlValue item, String key) {
    List<EnvItem> items = new ArrayList<>();
    if (item instanceof YamlScalar s) {
      if (s.isNull()) {
        return Optional.empty();
      }
      words(s, key, items);
    } else if (item instanceof YamlMapping m) {
      for (YamlEntry e : m.entries()) {
        pair(e, key, items);
      }
    } else if (item instanceof YamlSequence) {
      shapes.wrongShape(key, item, "a string such as \"A=1 B=2\" or a mapping");
      return Optional.empty();
    }
    return Optional.of(new EnvEntry(items, item.at()));
  }

  private void words(YamlScalar s, String key, List<EnvItem> items) {
    ShellWords.Result split = ShellWords.split(s.text());
    if (split instanceof ShellWords.Unclosed unclosed) {
      shapes
          .diagnostics()
          .error(
              DiagnosticCode.AL011,
              s.at(),
              "an item of '"
                  + key
                  + "' leaves "
                  + unclosed.what()
                  + " open at character "
                  + (unclosed.offset() + 1),
              "close the quote, or write the item as a mapping: {NAME: value}");
      return;
    }
    for (String word : ((ShellWords.Words) split).words()) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        String name = eq < 0 ? word : "";
        shapes
            .diagnostics()
            .error(
                DiagnosticCode.AL011,
                s.at(),
                "an item of '" + key + "' has '" + name + "', which is not NAME=value",
                "write NAME=value; quote a value with blanks: A=\"x y\"");
      } else {
        items.add(new EnvItem.Variable(word.substring(0, eq), word.substring(eq + 1), s.at()));
      }
    }
  }

  private void pair(YamlEntry e, String key, List<EnvItem> items) {
    if (e.name().equals("secure")) {
      shapes
          .scalar(e.value(), key + ".secure")
          .ifPresent(
              blob ->
                  items.add(
                      new EnvItem.Secure(
                          new SecureValue(SecureValue.Origin.CI_ENV, blob.file(), blob))));
      return;
    }
    if (e.value() instanceof YamlScalar v) {
      String text = v.isNull() ? "" : v.text();
      items.add(new EnvItem.Variable(e.name(), text, e.key().at()));
    } else {
      shapes.wrongShape(key + "." + e.name(), e.value(), "a single value");
    }
  }
}
