package dev.shiprun.model.parse;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.InStep;
import dev.shiprun.model.Named;
import dev.shiprun.model.NotifyStep;
import dev.shiprun.model.OutStep;
import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.Step;
import dev.shiprun.model.TaskEnv;
import dev.shiprun.model.TaskRuntime;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads one item of a job's {@code steps:} (IN, OUT, TASK or NOTIFY). */
final class StepReader {

  private final Diagnostics out;
  private final ScriptReader scripts;

  StepReader(Diagnostics out) {
    this.out = out;
    this.scripts = new ScriptReader(out);
  }

  /**
   * Reads one step. {@code runCi}: the job is a runCI job, whose TASKs are wrong as a whole (the
   * validator says so), so a missing script is not reported on top. {@code taskIndex}: how many
   * TASKs the job has before this step, for the name Shippable shows ("Task 2").
   */
  Optional<Step> read(YamlValue item, String job, boolean runCi, int taskIndex) {
    if (!(item instanceof YamlMapping map)) {
      out.error(
          DiagnosticCode.AL008,
          item.at(),
          "a step of job '"
              + job
              + "' must be a mapping such as '- IN: name', found "
              + item.describe(),
          "write '- IN: <resource>', '- OUT: <resource>' or '- TASK:'");
      return Optional.empty();
    }
    // The first two step kinds by a scan: a stream per step showed in the profile.
    YamlEntry kind = null;
    YamlEntry second = null;
    for (YamlEntry e : map.entries()) {
      if (Vocabulary.STEP_KINDS.contains(e.name())) {
        if (kind == null) {
          kind = e;
        } else if (second == null) {
          second = e;
        }
      }
    }
    if (kind == null) {
      String first = map.entries().isEmpty() ? "" : map.entries().get(0).name();
      out.error(
          DiagnosticCode.AL121,
          map.at(),
          "step of job '"
              + job
              + "' is none of IN, OUT, TASK or NOTIFY"
              + (first.isEmpty() ? "" : " (found '" + first + "')"),
          stepKindHint(first));
      return Optional.empty();
    }
    if (second != null) {
      out.error(
          DiagnosticCode.AL121,
          second.key().at(),
          "step of job '" + job + "' has both " + kind.name() + " and " + second.name(),
          "put each on its own list item ('- " + second.name() + ": …')");
      // Read on as the first kind, so the job does not look as if it lacked that step too
      // (no "has no TASK" after "has both TASK and OUT").
    }
    return switch (kind.name()) {
      case "IN" -> in(map, kind, job);
      case "OUT" -> out(map, kind, job);
      case "TASK" -> task(map, kind, job, runCi, taskIndex);
      default -> notify(map, kind, job);
    };
  }

  /**
   * "did you mean" only for a step kind in the wrong case ({@code in}) or a near miss of a long
   * enough word ({@code TAKS}): for short words edit distance suggests nonsense ({@code RUN} →
   * {@code IN}).
   */
  private static String stepKindHint(String first) {
    Optional<String> sameLetters =
        Vocabulary.STEP_KINDS.stream().filter(k -> k.equalsIgnoreCase(first)).findFirst();
    if (sameLetters.isPresent()) {
      return "did you mean '" + sameLetters.get() + "'? step kinds are upper case";
    }
    if (Vocabulary.TASK_KEYS.contains(first)) {
      return "'"
          + first
          + ":' belongs inside a TASK: write '- TASK:' and indent '"
          + first
          + ":' under it";
    }
    Optional<String> near =
        first.length() < 4 ? Optional.empty() : Suggestions.closest(first, Vocabulary.STEP_KINDS);
    return near.map(s -> "did you mean '" + s + "'?")
        .orElse("start the step with IN, OUT, TASK or NOTIFY");
  }

  // Built once, not per step; HashSets, whose order is the one "did you mean" breaks ties in.
  private static final Set<String> IN_KEYS = withStepKinds(Vocabulary.IN_KEYS);
  private static final Set<String> OUT_KEYS = withStepKinds(Vocabulary.OUT_KEYS);

  /** A step's own keys, plus the other step kinds (a second kind is reported as AL121). */
  private static Set<String> withStepKinds(Set<String> keys) {
    Set<String> all = new HashSet<>(keys);
    all.addAll(Vocabulary.STEP_KINDS);
    return Collections.unmodifiableSet(all);
  }

  private Optional<Named> target(YamlEntry kind, String job) {
    if (kind.value() instanceof YamlScalar s && !s.isNull()) {
      return Optional.of(new Named(s.text(), s.at()));
    }
    out.error(
        DiagnosticCode.AL008,
        kind.value().at(),
        kind.name()
            + " step of job '"
            + job
            + "' must name a resource or job, found "
            + kind.value().describe(),
        kind.value() instanceof YamlMapping m
                && !m.isEmpty()
                && Vocabulary.isKeyword(m.entries().get(0).name())
            ? Fields.shapeHint(kind.name(), m, "a single value")
            : "write '- " + kind.name() + ": <name>'");
    return Optional.empty();
  }

  private Optional<Step> in(YamlMapping map, YamlEntry kind, String job) {
    Optional<Named> target = target(kind, job);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    String owner = "IN '" + target.get().name() + "' of job '" + job + "'";
    Fields f = new Fields(map, owner, out);
    f.warnUnknownKeys(IN_KEYS);
    Optional<DependencyMode> mode = dependencyMode(f, owner);
    OptionalLong versionNumber = f.number("versionNumber", 0, Long.MAX_VALUE);
    return Optional.of(
        new InStep(
            target.get(),
            switchOn(f, owner),
            f.string("versionName"),
            versionNumber,
            f.bool("pull", false),
            f.bool("showBuildStatus", false),
            f.strings("scopes"),
            mode,
            map,
            kind.key().at()));
  }

  /**
   * {@code switch: off} (Shippable's spelling) and {@code switch: false} turn triggering off. The
   * platform read {@code off} as the string "off" (version.json carries {@code "switch": "off"}),
   * so a quoted {@code "off"} means the same and is not an error.
   */
  private boolean switchOn(Fields f, String owner) {
    Optional<YamlScalar> raw = f.scalar("switch");
    if (raw.isEmpty()) {
      return true;
    }
    Optional<Boolean> plain = raw.get().asBoolean();
    if (plain.isPresent()) {
      return plain.get();
    }
    String text = raw.get().text().strip().toLowerCase(java.util.Locale.ROOT);
    if (text.equals("on") || text.equals("true")) {
      return true;
    }
    if (text.equals("off") || text.equals("false")) {
      return false;
    }
    out.error(
        DiagnosticCode.AL011,
        raw.get().at(),
        "'switch' of " + owner + " must be on or off, found '" + raw.get().text() + "'",
        "write 'switch: off' so new versions of it do not trigger the job, or leave it out");
    return true;
  }

  private Optional<DependencyMode> dependencyMode(Fields f, String owner) {
    Optional<YamlScalar> raw = f.scalar("dependencyMode");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<DependencyMode> mode = DependencyMode.fromYaml(raw.get().text());
    if (mode.isEmpty()) {
      out.error(
          DiagnosticCode.AL011,
          raw.get().at(),
          "dependencyMode of "
              + owner
              + " must be one of "
              + DependencyMode.yamlNames()
              + ", found '"
              + raw.get().text()
              + "'",
          "leave it out for the default, chrono");
    }
    return mode;
  }

  private Optional<Step> out(YamlMapping map, YamlEntry kind, String job) {
    Optional<Named> target = target(kind, job);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    String owner = "OUT '" + target.get().name() + "' of job '" + job + "'";
    Fields f = new Fields(map, owner, out);
    f.warnUnknownKeys(OUT_KEYS);
    return Optional.of(
        new OutStep(
            target.get(),
            f.scalar("replicate").map(s -> new Named(s.text(), s.at())),
            f.bool("replicateOnPullRequest", true),
            f.bool("overwrite", false),
            f.bool("on_failure", false),
            map,
            kind.key().at()));
  }

  private Optional<Step> notify(YamlMapping map, YamlEntry kind, String job) {
    return target(kind, job).map(t -> new NotifyStep(t, kind.key().at()));
  }

  private Optional<Step> task(
      YamlMapping map, YamlEntry kind, String job, boolean runCi, int taskIndex) {
    Optional<Step> step = task(map, kind, job);
    TaskStep task = (TaskStep) step.get();
    if (!runCi && task.script().isEmpty() && !scriptShapeReported(kind.value())) {
      out.error(
          DiagnosticCode.AL106,
          task.at(),
          "TASK '" + task.displayName(taskIndex) + "' of job '" + job + "' has no script",
          map.find("script") != null
              ? "'script:' is written beside '- TASK:', not inside it; indent it under 'TASK:'"
              : "add 'script:' with at least one command, e.g. '- echo hello'");
    }
    return step;
  }

  /**
   * Whether the TASK has script items of the wrong shape, already reported as AL008: then "has no
   * script" would be wrong, the user wrote one.
   */
  private static boolean scriptShapeReported(YamlValue task) {
    if (task instanceof YamlMapping body) {
      return malformedScript(body.find("script"));
    }
    if (task instanceof YamlSequence oldFormat) {
      for (YamlValue item : oldFormat.items()) {
        if (item instanceof YamlSequence && malformedScript(item)
            || item instanceof YamlMapping m
                && (malformedScript(m.find("script")) || hasStepKind(m))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasStepKind(YamlMapping map) {
    for (YamlEntry e : map.entries()) {
      if (Vocabulary.STEP_KINDS.contains(e.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code script} (null when absent) is of a shape reported as AL008 or AL123: a mapping,
   * or a list with a mapping in it at any depth (nested lists are flattened, not wrong).
   */
  private static boolean malformedScript(YamlValue script) {
    if (script instanceof YamlMapping) {
      return true;
    }
    if (script instanceof YamlSequence seq) {
      for (YamlValue i : seq.items()) {
        if (malformedScript(i)) {
          return true;
        }
      }
    }
    return false;
  }

  private Optional<Step> task(YamlMapping map, YamlEntry kind, String job) {
    String owner = "TASK of job '" + job + "'";
    for (YamlEntry extra : map.entries()) {
      if (extra != kind && !Vocabulary.STEP_KINDS.contains(extra.name())) {
        out.warning(
            DiagnosticCode.AL010,
            extra.key().at(),
            "unknown key '" + extra.name() + "' beside TASK of job '" + job + "'; it is ignored",
            Vocabulary.TASK_KEYS.contains(extra.name())
                ? "'"
                    + extra.name()
                    + ":' is a TASK option and goes inside it: indent it under '- TASK:'"
                : "a TASK step has no key '" + extra.name() + "'; remove it");
      }
    }
    YamlValue value = kind.value();
    if (value instanceof YamlSequence seq) {
      return Optional.of(oldFormat(seq, owner, kind));
    }
    if (value instanceof YamlScalar s && !s.isNull()) {
      return Optional.of(
          new TaskStep(
              Optional.empty(),
              List.of(new ScriptLine(s.text(), s.at())),
              TaskRuntime.DEFAULT,
              kind.key().at()));
    }
    if (!(value instanceof YamlMapping body)) {
      return Optional.of(
          new TaskStep(Optional.empty(), List.of(), TaskRuntime.DEFAULT, kind.key().at()));
    }
    Fields f = new Fields(body, owner, out);
    Optional<String> name = f.string("name");
    String named = name.map(n -> "TASK '" + n + "' of job '" + job + "'").orElse(owner);
    stepsInside(body, named);
    f.warnUnknownKeys(TASK_KEYS);
    List<ScriptLine> script =
        f.value("script")
            .map(v -> scripts.read(v, named, ScriptReader.Place.TASK))
            .orElse(List.of());
    TaskRuntime runtime =
        f.mapping("runtime").map(r -> runtime(r, named)).orElse(TaskRuntime.DEFAULT);
    return Optional.of(new TaskStep(name, script, runtime, kind.key().at()));
  }

  /**
   * Reports each step kind ({@code OUT: x}) written as a key of a TASK's mapping: indented into the
   * TASK, where it is no step at all. The other keys are checked against the TASK's own.
   */
  private void stepsInside(YamlMapping map, String owner) {
    for (YamlEntry e : map.entries()) {
      if (Vocabulary.STEP_KINDS.contains(e.name())) {
        String target = e.value() instanceof YamlScalar s && !s.isNull() ? s.text() : "<name>";
        out.error(
            DiagnosticCode.AL123,
            e.key().at(),
            "step '" + e.name() + ": " + target + "' is inside " + owner + ", not a step",
            "steps belong under 'steps:': write '- "
                + e.name()
                + ": "
                + target
                + "' at the indentation of '- TASK:', after the TASK");
      }
    }
  }

  // The keys a TASK mapping may have; step kinds are reported on their own (AL123).
  private static final Set<String> TASK_KEYS = withStepKinds(Vocabulary.TASK_KEYS);
  private static final Set<String> OLD_FORMAT_KEYS = withStepKinds(Set.of("script"));

  /** Old format: {@code TASK: [ {script: cmd}, {script: cmd} ]} → one task with both lines. */
  private TaskStep oldFormat(YamlSequence seq, String owner, YamlEntry kind) {
    List<ScriptLine> script = new ArrayList<>();
    for (YamlValue item : seq.items()) {
      if (item instanceof YamlMapping m) {
        Fields f = new Fields(m, owner, out);
        stepsInside(m, owner);
        f.warnUnknownKeys(OLD_FORMAT_KEYS);
        f.value("script")
            .ifPresent(v -> script.addAll(scripts.read(v, owner, ScriptReader.Place.TASK)));
      } else if (item instanceof YamlScalar s && !s.isNull() || item instanceof YamlSequence) {
        // A command, or a list of them (a template): flattened into the script.
        scripts.addItem(item, owner, ScriptReader.Place.TASK, script);
      } else {
        out.error(
            DiagnosticCode.AL008,
            item.at(),
            "each item of the old-format "
                + owner
                + " must be '- script: <command>', found "
                + item.describe(),
            "remove the empty '- ' item, or write '- script: <command>'");
      }
    }
    return new TaskStep(Optional.empty(), script, TaskRuntime.DEFAULT, kind.key().at());
  }

  private TaskRuntime runtime(YamlMapping map, String owner) {
    Fields f = new Fields(map, "runtime of " + owner, out);
    f.warnUnknownKeys(Vocabulary.TASK_RUNTIME_KEYS);
    Optional<Boolean> container = f.bool("container");
    Optional<YamlMapping> options = f.mapping("options");
    if (options.isEmpty()) {
      return new TaskRuntime(
          container, Optional.empty(), Optional.empty(), true, Optional.empty(), List.of());
    }
    Fields o = new Fields(options.get(), "runtime.options of " + owner, out);
    o.warnUnknownKeys(Vocabulary.TASK_OPTIONS_KEYS);
    options
        .get()
        .get("options")
        .filter(v -> v instanceof YamlScalar s && !s.isNull())
        .ifPresent(v -> new ContainerOptionsCheck(out).check((YamlScalar) v, owner));
    return new TaskRuntime(
        container,
        o.string("imageName"),
        o.string("imageTag"),
        o.bool("pull", true),
        o.string("options"),
        o.value("env").map(v -> env(v, owner)).orElse(List.of()));
  }

  /** {@code env:} as a mapping or as a list of single-key mappings; both are merged. */
  private List<TaskEnv> env(YamlValue value, String owner) {
    List<TaskEnv> env = new ArrayList<>();
    List<YamlValue> parts = value instanceof YamlSequence seq ? seq.items() : List.of(value);
    for (YamlValue part : parts) {
      if (part instanceof YamlMapping m) {
        for (YamlEntry e : m.entries()) {
          if (e.value() instanceof YamlScalar s) {
            env.add(new TaskEnv(e.name(), s.isNull() ? "" : s.text(), e.key().at()));
          } else {
            out.error(
                DiagnosticCode.AL008,
                e.value().at(),
                "env '"
                    + e.name()
                    + "' of "
                    + owner
                    + " must be a single value, found "
                    + e.value().describe(),
                "write KEY: value");
          }
        }
      } else if (part instanceof YamlScalar s && s.text().contains("=")) {
        int eq = s.text().indexOf('=');
        env.add(new TaskEnv(s.text().substring(0, eq), s.text().substring(eq + 1), s.at()));
      } else if (!(part instanceof YamlScalar s && s.isNull())) {
        out.error(
            DiagnosticCode.AL008,
            part.at(),
            "env of "
                + owner
                + " must be a mapping or a list of 'KEY: value' items, found "
                + part.describe(),
            "write '- KEY: value'");
      }
    }
    return env;
  }
}
