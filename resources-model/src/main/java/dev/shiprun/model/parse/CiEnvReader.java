package dev.shiprun.model.parse;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads just enough of a CI shippable.yml's {@code env:} (spec §2.2) to find its {@code secure:}
 * items: {@code env} as a list, or as {@code global:} and {@code matrix:} lists, and the {@code
 * env} of {@code matrix: include:} entries. Items are {@code "A=1"}, {@code {KEY: v}} or {@code
 * {secure: BLOB}}; only the last kind is kept. Stateless.
 */
final class CiEnvReader {

  private CiEnvReader() {}

  /** The secure values of one document of {@code file}; keys lent by another file are skipped. */
  static List<SecureValue> read(YamlValue document, String file) {
    List<SecureValue> out = new ArrayList<>();
    if (!(document instanceof YamlMapping top)) {
      return out;
    }
    for (YamlEntry entry : top.entries()) {
      if (!entry.key().at().file().equals(file)) {
        continue;
      }
      if (entry.name().equals("env")) {
        env(entry.value(), file, out);
      } else if (entry.name().equals("matrix")
          && entry.value() instanceof YamlMapping matrix
          && matrix.get("include").orElse(null) instanceof YamlSequence include) {
        for (YamlValue item : include.items()) {
          if (item instanceof YamlMapping m) {
            m.get("env").ifPresent(env -> env(env, file, out));
          }
        }
      }
    }
    return out;
  }

  private static void env(YamlValue value, String file, List<SecureValue> out) {
    if (value instanceof YamlSequence list) {
      list.items().forEach(item -> env(item, file, out));
    } else if (value instanceof YamlMapping m) {
      for (YamlEntry e : m.entries()) {
        switch (e.name()) {
          case "global", "matrix" -> env(e.value(), file, out);
          case "secure" -> {
            if (e.value() instanceof YamlScalar blob && !blob.isNull()) {
              out.add(new SecureValue(SecureValue.Origin.CI_ENV, file, blob));
            }
          }
          default -> {} // a plain {KEY: value} item
        }
      }
    }
  }
}
