package dev.shiprun.model.parse;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlAnchor;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code script:}: a string (one unit) or a list (each item one unit). A list inside the list
 * (a template, {@code - *common}, or a list written in place) is flattened into it, at any depth,
 * as Shippable did. A command taken through an alias stands where the alias is written: that is the
 * line of this file the user can look at.
 */
final class ScriptReader {

  /** Where a script list is: a TASK's, or a job's on_start … always section. */
  enum Place {
    TASK,
    HOOK
  }

  private final Diagnostics out;

  ScriptReader(Diagnostics out) {
    this.out = out;
  }

  List<ScriptLine> read(YamlValue value, String owner, Place place) {
    List<ScriptLine> lines = new ArrayList<>();
    if (value instanceof YamlScalar || value instanceof YamlSequence) {
      addItem(value, owner, place, lines);
    } else {
      out.error(
          DiagnosticCode.AL008,
          value.at(),
          "'script' of "
              + owner
              + " must be a string or a list of strings, found "
              + value.describe(),
          withAnchors(List.of(scriptMappingHint(value)), anchors(value, List.of())));
    }
    return lines;
  }

  /**
   * The hint for {@code script:} whose value is a mapping: a key indented under it, or commands.
   */
  private static String scriptMappingHint(YamlValue value) {
    if (!(value instanceof YamlMapping m) || m.isEmpty()) {
      return "write 'script:' followed by '- command' lines";
    }
    String first = m.entries().get(0).name();
    if (Vocabulary.isKeyword(first)) {
      return Fields.shapeHint("script", value, "a string or a list of strings");
    }
    return "'"
        + first
        + ": …' reads as a key under 'script:'; write each command as a '- command' line, "
        + "quoted when it has ': ' in it";
  }

  /**
   * Adds one item of a script list to {@code into}: a command, or every command of a nested list. A
   * mapping is reported; it is not a command.
   */
  void addItem(YamlValue item, String owner, Place place, List<ScriptLine> into) {
    add(item, null, List.of(), owner, place, into);
  }

  /**
   * {@code useSite}: the outermost alias on the way to {@code item} (null when none), where every
   * command below it is reported; {@code via}: the anchors passed so far, outermost first.
   */
  private void add(
      YamlValue item,
      SourceLocation useSite,
      List<YamlAnchor> via,
      String owner,
      Place place,
      List<ScriptLine> into) {
    List<YamlAnchor> chain = anchors(item, via);
    SourceLocation at = useSite != null ? useSite : item.at();
    if (item instanceof YamlScalar s) {
      if (!s.isNull()) {
        into.add(new ScriptLine(s.text(), at));
      }
    } else if (item instanceof YamlSequence seq) {
      SourceLocation site = useSite != null || item.aliasOf() == null ? useSite : item.at();
      for (YamlValue nested : seq.items()) {
        add(nested, site, chain, owner, place, into);
      }
    } else {
      notACommand((YamlMapping) item, at, chain, owner, place);
    }
  }

  private static List<YamlAnchor> anchors(YamlValue value, List<YamlAnchor> via) {
    if (value.aliasOf() == null) {
      return via;
    }
    List<YamlAnchor> chain = new ArrayList<>(via);
    chain.add(value.aliasOf());
    return chain;
  }

  /**
   * A mapping where a command belongs. What it is decides the hint: a step written into a TASK, a
   * key of the section indented one level too deep, or a command with an unquoted ': '.
   */
  private void notACommand(
      YamlMapping map, SourceLocation at, List<YamlAnchor> chain, String owner, Place place) {
    YamlEntry first = map.entries().isEmpty() ? null : map.entries().get(0);
    if (first == null) {
      out.error(
          DiagnosticCode.AL008,
          at,
          "each script item of " + owner + " must be a command string, found an empty mapping",
          withAnchors(List.of("remove the '{}' or write a command"), chain, map, at));
      return;
    }
    if (place == Place.TASK && Vocabulary.STEP_KINDS.contains(first.name())) {
      stepInsideTask(map, first, at, chain, owner);
      return;
    }
    String hint;
    if (Vocabulary.isKeyword(first.name()) && !chain.isEmpty()) {
      hint =
          "'"
              + first.name()
              + ":' is a key, not a command, and a template lends only commands; write it "
              + whereKeyBelongs(first.name(), place)
              + " where the template is used";
    } else if (Vocabulary.isKeyword(first.name())) {
      hint =
          "'"
              + first.name()
              + ":' is a key, not a command: it is indented one level too deep, into the "
              + "script list; move it one level up, "
              + whereKeyBelongs(first.name(), place);
    } else if (looksLikeCommand(first.name())) {
      hint =
          "'"
              + first.name()
              + ": …' is a command with ': ' in it, which YAML reads as a mapping; quote the "
              + "whole command or use a block scalar ('- |')";
    } else {
      hint =
          "'"
              + first.name()
              + ": …' reads as a mapping: if it is a command, quote it; if it is a key, it is "
              + "indented too far";
    }
    out.error(
        DiagnosticCode.AL008,
        at,
        "each script item of " + owner + " must be a command string, found " + map.describe(),
        withAnchors(List.of(hint), chain, map, at));
  }

  private void stepInsideTask(
      YamlMapping map, YamlEntry step, SourceLocation at, List<YamlAnchor> chain, String owner) {
    String target = step.value() instanceof YamlScalar s && !s.isNull() ? s.text() : "<name>";
    out.error(
        DiagnosticCode.AL123,
        at,
        "step '" + step.name() + ": " + target + "' is inside " + owner + ", among its commands",
        withAnchors(
            List.of(
                "steps belong under 'steps:': write '- "
                    + step.name()
                    + ": "
                    + target
                    + "' at the indentation of '- TASK:', after the TASK"),
            chain,
            map,
            at));
  }

  /** Where {@code key} goes instead: "beside 'script:'" or "where 'runtime:' belongs". */
  private static String whereKeyBelongs(String key, Place place) {
    if (place == Place.HOOK && Vocabulary.HOOK_KEYS.contains(key)) {
      return "beside 'script:'";
    }
    if (place == Place.TASK && Vocabulary.TASK_KEYS.contains(key)) {
      return "beside 'script:' in the TASK";
    }
    return "where '" + key + ":' belongs";
  }

  /**
   * Whether a key is most likely a shell command cut at its ': ' ({@code echo time: now}): it has a
   * space or a character no YAML key of a line has.
   */
  private static boolean looksLikeCommand(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (" \t$/\"'=|&;<>()`~".indexOf(key.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@link #withAnchors(List, List)}, and where {@code item} itself is written when that is not
   * {@code at} (an item of a template, reported where the template is used).
   */
  private static String[] withAnchors(
      List<String> hints, List<YamlAnchor> anchors, YamlValue item, SourceLocation at) {
    List<String> all = new ArrayList<>(List.of(withAnchors(hints, anchors)));
    if (!item.at().equals(at)) {
      all.add("the item is written at " + item.at());
    }
    return all.toArray(String[]::new);
  }

  /** {@code hints} followed by one note per anchor on the way, outermost first. */
  static String[] withAnchors(List<String> hints, List<YamlAnchor> anchors) {
    List<String> all = new ArrayList<>(hints);
    for (YamlAnchor anchor : anchors) {
      all.add(anchor.note());
    }
    return all.toArray(String[]::new);
  }
}
