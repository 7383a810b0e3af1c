package dev.shiprun.model.parse;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code script:}: a string (one unit) or a list (each item one unit). */
final class ScriptReader {

  private final Diagnostics out;

  ScriptReader(Diagnostics out) {
    this.out = out;
  }

  List<ScriptLine> read(YamlValue value, String owner) {
    List<ScriptLine> lines = new ArrayList<>();
    if (value instanceof YamlScalar s) {
      if (!s.isNull()) {
        lines.add(new ScriptLine(s.text(), s.at()));
      }
    } else if (value instanceof YamlSequence seq) {
      for (YamlValue item : seq.items()) {
        if (item instanceof YamlScalar s) {
          if (!s.isNull()) {
            lines.add(new ScriptLine(s.text(), s.at()));
          }
        } else {
          out.error(
              DiagnosticCode.AL008,
              item.at(),
              "each script item of "
                  + owner
                  + " must be a command string, found "
                  + item.describe(),
              "a line with a colon followed by a space reads as a mapping; quote the whole "
                  + "command or use a block scalar ('- |')");
        }
      }
    } else {
      out.error(
          DiagnosticCode.AL008,
          value.at(),
          "'script' of "
              + owner
              + " must be a string or a list of strings, found "
              + value.describe(),
          "write 'script:' followed by '- command' lines");
    }
    return lines;
  }
}
