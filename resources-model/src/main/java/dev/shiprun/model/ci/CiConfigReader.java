package dev.shiprun.model.ci;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the CI part of a shippable.yml document (spec §2.2) into a {@link CiConfig}, reporting
 * values of the wrong shape with their position and reading on.
 *
 * <p>The Travis build phases a shippable.yml may still hold map to the sections as Shippable mapped
 * them: {@code before_install}, {@code install}, {@code before_script} and {@code script} (in that
 * order) make {@code ci}; {@code after_success} is {@code on_success}, {@code after_failure} is
 * {@code on_failure}, {@code after_script} is {@code always}. A section written under {@code
 * build:} wins: the Travis phases fill only the sections {@code build:} leaves out.
 */
public final class CiConfigReader {

  private static final Set<String> BUILD_KEYS =
      Set.of(
          "pre_ci",
          "pre_ci_boot",
          "ci",
          "post_ci",
          "on_success",
          "on_failure",
          "always",
          "push",
          "cache",
          "cache_dir_list");
  private static final Set<String> BOOT_KEYS =
      Set.of("image_name", "image_tag", "pull", "options", "env");
  private static final Set<String> MATRIX_KEYS =
      Set.of("include", "exclude", "allow_failures", "fast_finish");
  private static final List<String> TRAVIS_CI =
      List.of("before_install", "install", "before_script", "script");

  private final CiShapes shapes;
  private final CiEnvEntries envEntries;

  private CiConfigReader(Diagnostics out) {
    this.shapes = new CiShapes(out);
    this.envEntries = new CiEnvEntries(shapes);
  }

  /** The CI config of {@code document}; problems go to {@code out}. */
  public static CiConfig read(YamlValue document, Diagnostics out) {
    return new CiConfigReader(out).config(document);
  }

  private CiConfig config(YamlValue document) {
    if (!(document instanceof YamlMapping top)) {
      shapes.wrongShape(
          "shippable.yml", document, "a mapping of keys such as language: and build:");
      return new CiConfig(
          Languages.DEFAULT,
          List.of(),
          List.of(),
          CiEnv.NONE,
          MatrixRules.NONE,
          build(null, YamlMapping.empty(document.at())),
          Branches.ALL,
          List.of(),
          CiIntegrations.NONE);
    }
    String language = shapes.string(top.find("language"), "language").orElse(Languages.DEFAULT);
    List<String> versionKeys = Languages.versionKeys(language);
    String versionKey = versionKeys.get(0);
    List<String> versions = List.of();
    for (String key : versionKeys) {
      if (top.find(key) != null) {
        versionKey = key;
        versions = shapes.strings(top.find(key), key);
        break;
      }
    }
    return new CiConfig(
        language,
        versions,
        language.equals("ruby") ? shapes.strings(top.find("gemfile"), "gemfile") : List.of(),
        envEntries.env(top.find("env")),
        matrix(top.find("matrix"), versionKey, language),
        build(top.find("build"), top),
        branches(top.find("branches"), "branches"),
        shapes.strings(top.find("services"), "services"),
        integrations(top.find("integrations")));
  }

  private MatrixRules matrix(YamlValue value, String versionKey, String language) {
    Set<String> entryKeys =
        language.equals("ruby") ? Set.of(versionKey, "gemfile", "env") : Set.of(versionKey, "env");
    Optional<YamlMapping> m = shapes.mapping(value, "matrix");
    if (m.isEmpty()) {
      return MatrixRules.NONE;
    }
    warnUnknown(m.get(), "matrix", MATRIX_KEYS);
    return new MatrixRules(
        entries(m.get().find("include"), "matrix.include", versionKey, entryKeys),
        entries(m.get().find("exclude"), "matrix.exclude", versionKey, entryKeys),
        entries(m.get().find("allow_failures"), "matrix.allow_failures", versionKey, entryKeys));
  }

  private List<MatrixEntry> entries(
      YamlValue value, String key, String versionKey, Set<String> entryKeys) {
    List<MatrixEntry> result = new ArrayList<>();
    if (value instanceof YamlMapping) {
      shapes.wrongShape(key, value, "a list");
      return result;
    }
    for (YamlValue item : shapes.items(value)) {
      if (!(item instanceof YamlMapping m)) {
        shapes.wrongShape(key, item, "a mapping such as {" + versionKey + ": …, env: …}");
        continue;
      }
      warnUnknown(m, key + " entry", entryKeys);
      Optional<String> version = shapes.string(m.find(versionKey), versionKey);
      YamlValue env = m.find("env");
      Optional<EnvEntry> entry =
          env == null ? Optional.empty() : envEntries.entry(env, key + ".env");
      Optional<String> gemfile =
          entryKeys.contains("gemfile")
              ? shapes.string(m.find("gemfile"), "gemfile")
              : Optional.empty();
      result.add(new MatrixEntry(version, gemfile, entry, m.at()));
    }
    return result;
  }

  private CiBuild build(YamlValue value, YamlMapping top) {
    YamlMapping b = shapes.mapping(value, "build").orElse(YamlMapping.empty(top.at()));
    warnUnknown(b, "build", BUILD_KEYS);
    List<ScriptLine> travisCi = new ArrayList<>();
    for (String phase : TRAVIS_CI) {
      travisCi.addAll(shapes.script(top.find(phase), phase));
    }
    return new CiBuild(
        shapes.script(b.find("pre_ci"), "build.pre_ci"),
        preCiBoot(b.find("pre_ci_boot")),
        section(b, "ci", travisCi),
        shapes.script(b.find("post_ci"), "build.post_ci"),
        section(b, "on_success", shapes.script(top.find("after_success"), "after_success")),
        section(b, "on_failure", shapes.script(top.find("after_failure"), "after_failure")),
        section(b, "always", shapes.script(top.find("after_script"), "after_script")),
        shapes.script(b.find("push"), "build.push"),
        shapes.bool(b.find("cache"), "build.cache"),
        shapes.strings(b.find("cache_dir_list"), "build.cache_dir_list"));
  }

  /** {@code build.<key>} when written, else the Travis phases that map to it. */
  private List<ScriptLine> section(YamlMapping build, String key, List<ScriptLine> travis) {
    return build.find(key) != null ? shapes.script(build.find(key), "build." + key) : travis;
  }

  private PreCiBoot preCiBoot(YamlValue value) {
    Optional<YamlMapping> m = shapes.mapping(value, "build.pre_ci_boot");
    if (m.isEmpty()) {
      return PreCiBoot.NONE;
    }
    YamlMapping boot = m.get();
    warnUnknown(boot, "build.pre_ci_boot", BOOT_KEYS);
    return new PreCiBoot(
        shapes.string(boot.find("image_name"), "image_name"),
        shapes.string(boot.find("image_tag"), "image_tag"),
        shapes.bool(boot.find("pull"), "pull"),
        shapes.string(boot.find("options"), "options"),
        shapes.string(boot.find("env"), "env"));
  }

  private Branches branches(YamlValue value, String key) {
    Optional<YamlMapping> m = shapes.mapping(value, key);
    if (m.isEmpty()) {
      return Branches.ALL;
    }
    warnUnknown(m.get(), key, Set.of("only", "except"));
    return new Branches(
        branchEntries(m.get().find("only"), key + ".only"),
        branchEntries(m.get().find("except"), key + ".except"));
  }

  /**
   * The entries of {@code only} or {@code except}; a regular expression that does not compile is an
   * error.
   */
  private List<String> branchEntries(YamlValue value, String key) {
    List<String> entries = shapes.strings(value, key);
    for (YamlValue item : shapes.items(value)) {
      if (item instanceof YamlScalar s && !s.isNull()) {
        Branches.problem(s.text())
            .ifPresent(
                why ->
                    shapes
                        .diagnostics()
                        .error(
                            DiagnosticCode.AL011,
                            s.at(),
                            "'"
                                + key
                                + "' entry '"
                                + s.text()
                                + "' is not a regular expression: "
                                + why,
                            "fix the expression between the slashes, or write a name with * wildcards"));
      }
    }
    return entries;
  }

  private CiIntegrations integrations(YamlValue value) {
    Optional<YamlMapping> m = shapes.mapping(value, "integrations");
    if (m.isEmpty()) {
      return CiIntegrations.NONE;
    }
    warnUnknown(
        m.get(), "integrations", Set.of("hub", "notifications", "key", "generic", "deploy"));
    return new CiIntegrations(
        byName(m.get().find("hub"), "integrations.hub"),
        integrationList(m.get().find("notifications"), "integrations.notifications").stream()
            .map(this::notification)
            .toList(),
        byName(m.get().find("key"), "integrations.key"),
        byName(m.get().find("generic"), "integrations.generic"));
  }

  /** An integration entry with the mapping it was read from, for the keys of its kind. */
  private record Read(CiIntegration integration, YamlMapping map) {}

  private List<CiIntegration> byName(YamlValue value, String key) {
    return integrationList(value, key).stream().map(Read::integration).toList();
  }

  private CiNotification notification(Read read) {
    YamlMapping m = read.map();
    return new CiNotification(
        read.integration(),
        shapes.strings(m.find("recipients"), "recipients"),
        when(m.find("on_success"), "on_success", true),
        when(m.find("on_failure"), "on_failure", true),
        when(m.find("on_cancel"), "on_cancel", true),
        when(m.find("on_start"), "on_start", false),
        when(m.find("on_pull_request"), "on_pull_request", false));
  }

  /** {@code always}, {@code never}, and {@code change} where {@code change} is allowed. */
  private Optional<NotifyWhen> when(YamlValue value, String key, boolean change) {
    Optional<YamlScalar> s = shapes.scalar(value, key);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<NotifyWhen> when = NotifyWhen.of(s.get().text());
    if (when.isEmpty() || !change && when.get() == NotifyWhen.CHANGE) {
      String words = change ? "always, change or never" : "always or never";
      shapes
          .diagnostics()
          .error(
              DiagnosticCode.AL011,
              s.get().at(),
              "'" + key + "' must be " + words + ", found '" + s.get().text() + "'",
              "write " + key + ": always");
      return Optional.empty();
    }
    return when;
  }

  private List<Read> integrationList(YamlValue value, String key) {
    List<Read> result = new ArrayList<>();
    if (value instanceof YamlMapping) {
      shapes.wrongShape(key, value, "a list");
      return result;
    }
    for (YamlValue item : shapes.items(value)) {
      if (!(item instanceof YamlMapping m)) {
        shapes.wrongShape(key, item, "a mapping with integrationName:");
        continue;
      }
      Optional<String> name = shapes.string(m.find("integrationName"), "integrationName");
      if (name.isEmpty() || name.get().isBlank()) {
        if (!(m.find("integrationName") instanceof YamlScalar s)
            || s.isNull()
            || s.text().isBlank()) {
          shapes
              .diagnostics()
              .error(
                  DiagnosticCode.AL101,
                  m.at(),
                  "an entry of '" + key + "' has no 'integrationName'",
                  "name the integration it uses: integrationName: <name>");
        }
        continue;
      }
      result.add(
          new Read(
              new CiIntegration(
                  name.get(),
                  shapes.string(m.find("type"), "type"),
                  branches(m.find("branches"), key + ".branches"),
                  m.at()),
              m));
    }
    return result;
  }

  private void warnUnknown(YamlMapping m, String owner, Set<String> known) {
    for (YamlEntry e : m.entries()) {
      if (!known.contains(e.name())) {
        shapes
            .diagnostics()
            .warning(
                DiagnosticCode.AL010,
                e.key().at(),
                "unknown key '" + e.name() + "' in '" + owner + "'; it is ignored",
                "known keys: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }
}
