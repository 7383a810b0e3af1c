package dev.shiprun.model.parse;

import dev.shiprun.model.DependencyMode;
import dev.shiprun.model.Job;
import dev.shiprun.model.JobHeader;
import dev.shiprun.model.JobHooks;
import dev.shiprun.model.JobRuntime;
import dev.shiprun.model.ManagedJobType;
import dev.shiprun.model.Named;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.RunShJob;
import dev.shiprun.model.Step;
import dev.shiprun.model.TaskStep;
import dev.shiprun.model.TriggerMode;
import dev.shiprun.model.UnsupportedJob;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads one item of {@code jobs:}. */
final class JobReader {

  private final Diagnostics out;
  private final StepReader steps;
  private final HookReader hooks;

  JobReader(Diagnostics out) {
    this.out = out;
    this.steps = new StepReader(out);
    this.hooks = new HookReader(out);
  }

  Optional<Job> read(YamlValue item) {
    if (!(item instanceof YamlMapping map)) {
      out.error(
          DiagnosticCode.AL008,
          item.at(),
          "a job must be a mapping with 'name', 'type' and 'steps', found " + item.describe(),
          "write '- name: my-job' and 'type: runSh' on the next line");
      return Optional.empty();
    }
    Optional<String> name = new Fields(map, "a job", out).requiredName("job");
    String job = name.orElse("?");
    String label = "job '" + job + "'";
    Fields f = new Fields(map, label, out);
    Optional<YamlScalar> type = f.scalar("type");
    f.warnUnknownKeys(jobKeys(type.map(YamlScalar::text).orElse("")));
    if (type.isEmpty()) {
      out.error(
          DiagnosticCode.AL102,
          map.at(),
          label + " has no 'type'",
          "add 'type: runSh' (shell tasks) or 'type: runCI'");
    } else {
      checkType(type.get(), label);
    }
    TriggerMode triggerMode =
        f.scalar("triggerMode")
            .map(
                s ->
                    enumValue(
                        TriggerMode.fromYaml(s.text()),
                        s,
                        "triggerMode",
                        label,
                        TriggerMode.yamlNames(),
                        TriggerMode.SERIAL))
            .orElse(TriggerMode.SERIAL);
    DependencyMode dependencyMode =
        f.scalar("dependencyMode")
            .map(
                s ->
                    enumValue(
                        DependencyMode.fromYaml(s.text()),
                        s,
                        "dependencyMode",
                        label,
                        DependencyMode.yamlNames(),
                        DependencyMode.CHRONO))
            .orElse(DependencyMode.CHRONO);
    int priority = (int) f.number("priority", 0, 10_000).orElse(JobHeader.DEFAULT_PRIORITY);
    boolean allowPublicAccess = f.bool("allowPublicAccess", false);
    JobRuntime runtime = f.value("runtime").map(v -> runtime(v, label)).orElse(JobRuntime.DEFAULT);
    List<Named> integrations = integrations(f, label);
    List<Step> stepList = readSteps(f, job, label);
    JobHooks jobHooks =
        new JobHooks(
            hooks.read(f.value("on_start"), "on_start of " + label),
            hooks.read(f.value("on_success"), "on_success of " + label),
            hooks.read(f.value("on_failure"), "on_failure of " + label),
            hooks.read(f.value("on_cancel"), "on_cancel of " + label),
            hooks.read(f.value("always"), "always of " + label));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String typeName = type.map(YamlScalar::text).orElse("?");
    JobHeader header =
        new JobHeader(
            job,
            typeName,
            triggerMode,
            dependencyMode,
            priority,
            allowPublicAccess,
            runtime,
            integrations,
            f.strings("flags"),
            map.at());
    return Optional.of(
        switch (typeName) {
          // runCLI is the deprecated runSh with cliConfig inputs: it runs as runSh does.
          case "runSh", "runCLI" -> new RunShJob(header, stepList, jobHooks);
          case "runCI" -> new RunCiJob(header, stepList, jobHooks);
          default -> new UnsupportedJob(header, stepList, jobHooks);
        });
  }

  /** A managed type's documented keys are keys of its job, not unknown ones. */
  private static Set<String> jobKeys(String type) {
    Optional<ManagedJobType> managed = ManagedJobType.fromYaml(type);
    if (managed.isEmpty() || managed.get().keys().isEmpty()) {
      return Vocabulary.JOB_KEYS;
    }
    Set<String> keys = new HashSet<>(Vocabulary.JOB_KEYS);
    keys.addAll(managed.get().keys());
    return keys;
  }

  /**
   * An unknown type is an error here; a managed type is read as an {@link UnsupportedJob} and
   * reported by the validator, whose options say whether it is an error or a warning.
   */
  private void checkType(YamlScalar type, String label) {
    String t = type.text();
    if (Vocabulary.RUNNABLE_JOB_TYPES.contains(t) || ManagedJobType.fromYaml(t).isPresent()) {
      return;
    }
    Set<String> all = new HashSet<>(Vocabulary.RUNNABLE_JOB_TYPES);
    all.addAll(ManagedJobType.yamlNames());
    out.error(
        DiagnosticCode.AL104,
        type.at(),
        label + " has unknown type '" + t + "'",
        Suggestions.closest(t, all)
            .map(s -> "did you mean '" + s + "'?")
            .orElse("shiprun runs jobs of type runSh and runCI"));
  }

  private <T> T enumValue(
      Optional<T> parsed, YamlScalar raw, String key, String label, List<String> names, T dflt) {
    if (parsed.isPresent()) {
      return parsed.get();
    }
    out.error(
        DiagnosticCode.AL011,
        raw.at(),
        key + " of " + label + " must be one of " + names + ", found '" + raw.text() + "'",
        Suggestions.closest(raw.text(), names)
            .map(s -> "did you mean '" + s + "'?")
            .orElse("leave it out for the default, " + names.get(0)));
    return dflt;
  }

  /** runtime is a mapping; one old docs snippet writes it as a list of mappings, also read. */
  private JobRuntime runtime(YamlValue value, String label) {
    YamlMapping map;
    if (value instanceof YamlMapping m) {
      map = m;
    } else if (value instanceof YamlSequence seq
        && seq.items().stream().allMatch(YamlMapping.class::isInstance)) {
      out.warning(
          DiagnosticCode.AL008,
          value.at(),
          "runtime of " + label + " is a list; it should be a mapping",
          "remove the '- ' in front of the runtime keys");
      List<dev.shiprun.model.yaml.YamlEntry> entries = new ArrayList<>();
      seq.items().forEach(i -> entries.addAll(((YamlMapping) i).entries()));
      map = new YamlMapping(entries, value.at());
    } else {
      if (!(value instanceof YamlScalar s && s.isNull())) {
        out.error(
            DiagnosticCode.AL008,
            value.at(),
            "runtime of " + label + " must be a mapping, found " + value.describe(),
            "write 'runtime:' with nodePool, container or timeoutMinutes below it");
      }
      return JobRuntime.DEFAULT;
    }
    Fields f = new Fields(map, "runtime of " + label, out);
    f.warnUnknownKeys(Vocabulary.JOB_RUNTIME_KEYS);
    var timeout = f.number("timeoutMinutes", 1, 7 * 24 * 60);
    return new JobRuntime(
        f.string("nodePool"),
        f.bool("container"),
        timeout.isPresent() ? OptionalInt.of((int) timeout.getAsLong()) : OptionalInt.empty());
  }

  private List<Named> integrations(Fields f, String label) {
    List<Named> result = new ArrayList<>();
    Optional<YamlValue> value = f.value("integrations");
    if (value.isEmpty()) {
      return result;
    }
    List<YamlValue> items =
        value.get() instanceof YamlSequence seq ? seq.items() : List.of(value.get());
    for (YamlValue item : items) {
      if (item instanceof YamlScalar s && !s.isNull()) {
        result.add(new Named(s.text(), s.at()));
      } else {
        f.wrongShape("integrations", item, "a list of integration names");
      }
    }
    return result;
  }

  private List<Step> readSteps(Fields f, String job, String label) {
    List<Step> result = new ArrayList<>();
    Optional<YamlValue> value = f.value("steps");
    if (value.isEmpty() || value.get() instanceof YamlScalar s && s.isNull()) {
      return result;
    }
    if (!(value.get() instanceof YamlSequence seq)) {
      f.wrongShape("steps", value.get(), "a list of IN, OUT and TASK items");
      return result;
    }
    boolean runCi =
        f.value("type")
            .filter(t -> t instanceof YamlScalar s && s.text().equals("runCI"))
            .isPresent();
    int taskIndex = 0; // TASKs read so far (counted as they come, not by a stream per step)
    for (YamlValue item : seq.items()) {
      Optional<Step> step = steps.read(item, job, runCi, taskIndex);
      if (step.isPresent()) {
        result.add(step.get());
        if (step.get() instanceof TaskStep) {
          taskIndex++;
        }
      }
    }
    return result;
  }
}
