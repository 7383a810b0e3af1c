package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.graph.ExternalNames.External;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code shippable.shiprun.yml}, a file only shiprun reads, at the root of a directory given
 * as PATH. Its one key today, {@code external:}, lists names this repository's jobs use but another
 * repository's line defines. Unknown keys are warnings, so the file can grow.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShiprunSettings {

  /** The file's name at the root of a directory. */
  public static final String FILE = "shippable.shiprun.yml";

  private static final List<String> KEYS = List.of("external");

  private final YamlLoader loader;

  public ShiprunSettings(YamlLimits limits) {
    this.loader = new YamlLoader(limits);
  }

  /**
   * The external names the file lists, in order, declared for {@code repository} (the directory the
   * file is at the root of, as it is named in diagnostics); its problems go to {@code out}.
   */
  public List<External> external(PipelineFile file, String repository, Diagnostics out) {
    List<External> names = new ArrayList<>();
    for (YamlValue document : loader.load(file.name(), file.bytes(), out)) {
      if (document instanceof YamlScalar s && s.isNull()) {
        continue;
      }
      if (!(document instanceof YamlMapping top)) {
        out.error(
            DiagnosticCode.AL008,
            document.at(),
            FILE + " must be a mapping, found " + document.describe(),
            "write 'external:' at column 1, then one '- NAME' line per name");
        continue;
      }
      for (YamlEntry entry : top.entries()) {
        if (entry.name().equals("external")) {
          readExternal(entry, repository, names, out);
        } else {
          out.warning(
              DiagnosticCode.AL010,
              entry.key().at(),
              "unknown key '" + entry.name() + "' in " + FILE + "; it is ignored",
              "shiprun reads '" + String.join("', '", KEYS) + "' from this file");
        }
      }
    }
    return names;
  }

  private static void readExternal(
      YamlEntry entry, String repository, List<External> names, Diagnostics out) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) {
      return;
    }
    if (!(entry.value() instanceof YamlSequence list)) {
      out.error(
          DiagnosticCode.AL008,
          entry.value().at(),
          "'external' must be a list of names, found " + entry.value().describe(),
          "write one '- NAME' line per resource or job another repository defines");
      return;
    }
    for (YamlValue item : list.items()) {
      if (item instanceof YamlScalar name && !name.isNull() && !name.text().isBlank()) {
        names.add(new External(name.text(), FILE, name.at(), Optional.of(repository)));
      } else {
        out.error(
            DiagnosticCode.AL008,
            item.at(),
            "an 'external' item must be a name, found " + item.describe(),
            "write the resource's or job's name alone: '- prod_params'");
      }
    }
  }
}
