package dev.shiprun.model.parse;

import dev.shiprun.model.HookSection;
import dev.shiprun.model.Named;
import dev.shiprun.model.NotifyStep;
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
 * Reads an on_start / on_success / on_failure / on_cancel / always section in both shapes: new
 * ({@code {script: …, NOTIFY: res}}) and old ({@code [ {script: cmd}, {NOTIFY: res} ]}).
 */
final class HookReader {

  private final Diagnostics out;
  private final ScriptReader scripts;

  HookReader(Diagnostics out) {
    this.out = out;
    this.scripts = new ScriptReader(out);
  }

  HookSection read(Optional<YamlValue> section, String owner) {
    if (section.isEmpty() || section.get() instanceof YamlScalar s && s.isNull()) {
      return HookSection.NONE;
    }
    YamlValue value = section.get();
    List<ScriptLine> script = new ArrayList<>();
    List<NotifyStep> notify = new ArrayList<>();
    if (value instanceof YamlMapping map) {
      readItem(map, owner, script, notify);
    } else if (value instanceof YamlSequence seq) {
      for (YamlValue item : seq.items()) {
        if (item instanceof YamlMapping map) {
          readItem(map, owner, script, notify);
        } else if (item instanceof YamlScalar s && s.isNull()) {
          shapeError(item, owner);
        } else {
          // A command, or a list of them (a template): flattened into the script.
          scripts.addItem(item, owner, ScriptReader.Place.HOOK, script);
        }
      }
    } else {
      shapeError(value, owner);
    }
    return new HookSection(script, notify, Optional.of(value.at()));
  }

  private void readItem(
      YamlMapping map, String owner, List<ScriptLine> script, List<NotifyStep> notify) {
    Fields fields = new Fields(map, owner, out);
    fields.warnUnknownKeys(Vocabulary.HOOK_KEYS);
    fields
        .value("script")
        .ifPresent(v -> script.addAll(scripts.read(v, owner, ScriptReader.Place.HOOK)));
    fields
        .value("NOTIFY")
        .ifPresent(
            v -> {
              List<YamlValue> targets = v instanceof YamlSequence seq ? seq.items() : List.of(v);
              for (YamlValue target : targets) {
                if (target instanceof YamlScalar s && !s.isNull()) {
                  notify.add(new NotifyStep(new Named(s.text(), s.at()), s.at()));
                } else {
                  fields.wrongShape("NOTIFY", target, "the name of a notification resource");
                }
              }
            });
  }

  private void shapeError(YamlValue value, String owner) {
    out.error(
        DiagnosticCode.AL008,
        value.at(),
        owner + " must be a mapping with 'script' and/or 'NOTIFY', found " + value.describe(),
        ScriptReader.withAnchors(
            List.of("write 'script:' with a list of commands below it"),
            value.alias().map(List::of).orElse(List.of())));
  }
}
