package dev.shiprun.model.parse;

import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.SourceSet;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.env.VariableName;
import dev.shiprun.model.integration.FieldKind;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.RegistryUrl;
import dev.shiprun.model.integration.Secret;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlLimits;
import dev.shiprun.model.yaml.YamlLoader;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlSequence;
import dev.shiprun.model.yaml.YamlValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the integrations file given to {@code shiprun plan/run --integrations FILE}:
 *
 * <pre>
 * integrations:
 *   - name: hub-creds
 *     type: dockerRegistryLogin
 *     username: alice
 *     password: ${REGISTRY_PASSWORD}
 * </pre>
 *
 * <p>{@code ${NAME}} in a field value is replaced by the caller's environment variable NAME; {@code
 * $$} stands for a literal {@code $}. Every problem is collected in one pass. No diagnostic quotes
 * a field value, and the source text kept for quoting lines has secret and unknown field values
 * replaced by {@code ***}.
 *
 * <p>Stateless and thread-safe.
 */
public final class IntegrationsParser {

  private static final String INTEGRATIONS = "integrations";
  private static final String NAME = "name";
  private static final String TYPE = "type";
  private static final String URL_HINT = "write it as " + RegistryUrl.EXPECTED_SHAPE;

  private final IntegrationTypes types;
  private final YamlLimits limits;
  private final YamlLoader loader;
  private final boolean unsetKept;

  public IntegrationsParser(IntegrationTypes types, YamlLimits limits) {
    this(types, limits, false);
  }

  private IntegrationsParser(IntegrationTypes types, YamlLimits limits, boolean unsetKept) {
    this.types = Objects.requireNonNull(types, "types");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.loader = new YamlLoader(limits);
    this.unsetKept = unsetKept;
  }

  /**
   * A parser for a plan: a {@code ${VAR}} whose variable is not set is a warning and stays as
   * written in the value (a secret shows as {@code ***} anyway), so a line can be planned without
   * the secrets only a run needs.
   */
  public IntegrationsParser keepingUnsetVariables() {
    return new IntegrationsParser(types, limits, true);
  }

  /**
   * Reads {@code file} given to {@code --integrations} of plan and run; a missing, unreadable or
   * oversized file is a diagnostic, not a throw.
   */
  public IntegrationsResult read(Path file, Map<String, String> environment) {
    return read(file, environment, "to --integrations");
  }

  /**
   * Reads {@code file}; {@code givenAs} says how the user gave its path, for the hints (it
   * completes "check the path given …": {@code "to --integrations"}, {@code "as FILE to 'shiprun
   * integration import'"}).
   */
  public IntegrationsResult read(Path file, Map<String, String> environment, String givenAs) {
    String name = display(file);
    Diagnostics out = new Diagnostics();
    try {
      if (Files.isDirectory(file)) {
        out.error(
            DiagnosticCode.AL007,
            SourceLocation.ofFile(name),
            name + " is a directory, not an integrations file",
            "give the path of the integrations YAML file " + givenAs);
        return failed(out);
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        out.error(
            DiagnosticCode.AL005,
            SourceLocation.ofFile(name),
            String.format(
                "file is %.1f MiB; shiprun reads integrations files up to %.1f MiB",
                size / 1048576.0, limits.maxBytes() / 1048576.0),
            "an integrations file holds a few accounts; check that this is the right file");
        return failed(out);
      }
      return parse(name, Files.readAllBytes(file), environment);
    } catch (NoSuchFileException e) {
      out.error(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(name),
          "no such integrations file: " + name,
          "check the path given " + givenAs);
    } catch (AccessDeniedException e) {
      out.error(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(name),
          "cannot read " + name + ": permission denied",
          "check the file's permissions (the user running shiprun must be able to read it)");
    } catch (IOException e) {
      out.error(
          DiagnosticCode.AL007,
          SourceLocation.ofFile(name),
          "cannot read "
              + name
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
          "check that the file exists and can be read");
    }
    return failed(out);
  }

  /** Reads an integrations file already in memory; {@code fileName} is used in diagnostics. */
  public IntegrationsResult parse(String fileName, byte[] bytes, Map<String, String> environment) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(environment, "environment");
    Diagnostics out = new Diagnostics();
    List<YamlValue> documents = loader.load(fileName, bytes, out);
    List<Diagnostic> fromYaml = out.sorted();
    Reading reading = new Reading(fileName, environment, out);
    for (YamlValue document : documents) {
      reading.document(document);
    }
    // Without a YAML tree there is no telling where values are, so no line is kept to quote.
    SourceSet sources = SourceSet.empty();
    if (!documents.isEmpty()) {
      String text = text(bytes);
      // What the YAML loader reports (a duplicate key) it leaves out of the tree, value and all.
      fromYaml.forEach(d -> reading.redaction.maskFrom(d.at(), text));
      sources = new SourceSet(Map.of(fileName, reading.redaction.apply(text)));
    }
    return new IntegrationsResult(reading.integrations, out.sorted(), sources);
  }

  private static IntegrationsResult failed(Diagnostics out) {
    return new IntegrationsResult(Map.of(), out.sorted(), SourceSet.empty());
  }

  private static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Paths as the user wrote them, with forward slashes, so messages match their shell. */
  private static String display(Path path) {
    String s = path.normalize().toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  /** A field value as read: a value, nothing written, or a problem already reported. */
  private sealed interface Read {
    record Value(FieldValue value) implements Read {}

    record Empty() implements Read {}

    record Reported() implements Read {}
  }

  /** A value with its variables replaced; not complete when an unset one was kept as written. */
  private record Substituted(String text, boolean complete) {}

  /** One pass over one file. */
  private final class Reading {
    private final String file;
    private final Map<String, String> environment;
    private final Diagnostics out;
    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, SourceLocation> firstDefined = new HashMap<>();
    private final Redaction redaction = new Redaction();
    private int items;

    Reading(String file, Map<String, String> environment, Diagnostics out) {
      this.file = file;
      this.environment = environment;
      this.out = out;
    }

    void document(YamlValue document) {
      if (document instanceof YamlScalar s && s.isNull()) {
        return;
      }
      if (!(document instanceof YamlMapping top)) {
        redaction.mask(document, Optional.empty());
        out.error(
            DiagnosticCode.AL008,
            document.at(),
            "the top level of "
                + file
                + " must be a mapping with 'integrations:', found "
                + document.describe(),
            "start the file with 'integrations:' at column 1 and list the integrations under it");
        return;
      }
      boolean found = false;
      List<YamlEntry> entries = top.entries();
      for (int i = 0; i < entries.size(); i++) {
        YamlEntry entry = entries.get(i);
        if (entry.name().equals(INTEGRATIONS)) {
          found = true;
          list(entry).forEach(this::item);
          continue;
        }
        redaction.mask(entry.value(), nextKey(entries, i, Optional.empty()));
        out.warning(
            DiagnosticCode.AL010,
            entry.key().at(),
            "unknown top-level key '" + entry.name() + "'; it is ignored",
            Suggestions.closest(entry.name(), List.of(INTEGRATIONS))
                .map(n -> "did you mean '" + n + "'?")
                .orElse("an integrations file has one top-level key, 'integrations:'"));
      }
      if (!found) {
        out.error(
            DiagnosticCode.AL008,
            top.at(),
            file + " has no 'integrations:' list",
            "start the file with 'integrations:' and list each integration under it as "
                + "'- name: …'");
      }
    }

    private List<YamlValue> list(YamlEntry entry) {
      YamlValue value = entry.value();
      if (value instanceof YamlSequence seq) {
        return seq.items();
      }
      if (!(value instanceof YamlScalar s && s.isNull())) {
        redaction.mask(value, Optional.empty());
        out.error(
            DiagnosticCode.AL008,
            value.at(),
            "'integrations' must be a list ('- name: …' items), found " + value.describe(),
            "put '- ' in front of each integration");
      }
      return List.of();
    }

    private void item(YamlValue value) {
      int index = ++items;
      if (!(value instanceof YamlMapping map)) {
        redaction.mask(value, Optional.empty());
        out.error(
            DiagnosticCode.AL008,
            value.at(),
            "integration #" + index + " must be a mapping ('- name: …'), found " + value.describe(),
            "write each integration as '- name: …' with 'type:' and its fields under it");
        return;
      }
      Optional<YamlScalar> name = name(map, index);
      String owner =
          name.map(n -> "integration '" + n.text() + "'").orElse("integration #" + index);
      boolean duplicate = name.isPresent() && isDuplicate(name.get());
      Optional<IntegrationType> type = type(map, owner);
      if (type.isEmpty()) {
        maskFields(map);
        return;
      }
      Map<String, FieldValue> fields = fields(new Fields(map, owner, out), owner, type.get());
      if (name.isPresent() && !duplicate) {
        integrations.put(
            name.get().text(), new Integration(name.get().text(), type.get(), fields, map.at()));
      }
    }

    private Optional<YamlScalar> name(YamlMapping map, int index) {
      Fields fields = new Fields(map, "integration #" + index, out);
      boolean scalarOrAbsent = map.get(NAME).map(v -> v instanceof YamlScalar).orElse(true);
      Optional<YamlScalar> name = fields.scalar(NAME).filter(s -> !s.text().isBlank());
      if (name.isEmpty() && scalarOrAbsent) {
        out.error(
            DiagnosticCode.AL101,
            map.at(),
            "integration #" + index + " has no 'name'",
            "add 'name: …'; jobs and resources refer to an integration by its name");
      }
      return name;
    }

    private boolean isDuplicate(YamlScalar name) {
      SourceLocation first = firstDefined.putIfAbsent(name.text(), name.at());
      if (first == null) {
        return false;
      }
      out.error(
          DiagnosticCode.AL205,
          name.at(),
          "integration '" + name.text() + "' is defined more than once",
          "first defined at " + first + "; give each integration its own name");
      return true;
    }

    private Optional<IntegrationType> type(YamlMapping map, String owner) {
      Fields fields = new Fields(map, owner, out);
      boolean scalarOrAbsent = map.get(TYPE).map(v -> v instanceof YamlScalar).orElse(true);
      Optional<YamlScalar> written = fields.scalar(TYPE).filter(s -> !s.text().isBlank());
      if (written.isEmpty()) {
        if (scalarOrAbsent) {
          out.error(
              DiagnosticCode.AL102,
              map.at(),
              owner + " has no 'type'",
              "add 'type: …', one of " + String.join(", ", masterNames()));
        }
        return Optional.empty();
      }
      String typeName = written.get().text();
      Optional<IntegrationType> type = types.find(typeName);
      if (type.isEmpty()) {
        out.error(
            DiagnosticCode.AL201,
            written.get().at(),
            owner + " has unknown type '" + typeName + "'",
            Suggestions.closest(typeName, types.names())
                .map(n -> "did you mean '" + n + "'?")
                .orElse("known types: " + String.join(", ", masterNames())));
      }
      return type;
    }

    private List<String> masterNames() {
      return types.all().stream().map(IntegrationType::masterName).toList();
    }

    private Map<String, FieldValue> fields(Fields reader, String owner, IntegrationType type) {
      YamlMapping map = reader.map();
      String described = owner + " (" + type.masterName() + ")";
      Map<String, FieldValue> values = new LinkedHashMap<>();
      Map<String, YamlEntry> given = new HashMap<>();
      List<YamlEntry> entries = map.entries();
      for (int i = 0; i < entries.size(); i++) {
        YamlEntry entry = entries.get(i);
        if (entry.name().equals(NAME) || entry.name().equals(TYPE)) {
          continue;
        }
        Optional<SourceLocation> until = nextKey(entries, i, Optional.empty());
        Optional<IntegrationField> known = type.field(entry.name());
        if (known.isEmpty()) {
          redaction.mask(entry.value(), until);
          unknownField(entry, described, type);
          continue;
        }
        IntegrationField field = known.get();
        if (field.secret() || field.kind() == FieldKind.MAP || carriesUserInfo(field, entry)) {
          redaction.mask(entry.value(), until);
        }
        YamlEntry earlier = given.putIfAbsent(field.name(), entry);
        if (earlier != null) {
          out.error(
              DiagnosticCode.AL002,
              entry.key().at(),
              owner
                  + " gives field '"
                  + field.name()
                  + "' twice ('"
                  + earlier.name()
                  + "' and '"
                  + entry.name()
                  + "')",
              "first given at " + earlier.key().at() + "; keep one of them");
          continue;
        }
        Read read =
            field.kind() == FieldKind.MAP
                ? map(reader, entry.value(), field, owner)
                : text(reader, entry.value(), field, owner);
        if (read instanceof Read.Value v) {
          values.put(field.name(), v.value());
        } else if (read instanceof Read.Empty && field.required()) {
          out.error(
              DiagnosticCode.AL202,
              entry.key().at(),
              described + " has an empty '" + field.name() + "'",
              fillHint(field, owner));
        }
      }
      for (IntegrationField field : type.fields()) {
        if (field.required() && !given.containsKey(field.name())) {
          out.error(
              DiagnosticCode.AL202,
              map.at(),
              described + " has no '" + field.name() + "'",
              fillHint(field, owner));
        }
      }
      return values;
    }

    private String fillHint(IntegrationField field, String owner) {
      if (field.kind() == FieldKind.MAP) {
        return "add '" + field.name() + ":' with one 'NAME: value' line per variable to " + owner;
      }
      return "add '"
          + field.name()
          + ": …' to "
          + owner
          + ", or '"
          + field.name()
          + ": ${VAR}' to read it from the environment";
    }

    private void unknownField(YamlEntry entry, String described, IntegrationType type) {
      List<String> candidates = new ArrayList<>();
      type.fields().forEach(f -> candidates.add(f.name()));
      String fieldNames = String.join(", ", candidates);
      candidates.add(NAME);
      candidates.add(TYPE);
      out.warning(
          DiagnosticCode.AL010,
          entry.key().at(),
          "unknown field '" + entry.name() + "' in " + described + "; it is ignored",
          Suggestions.closest(entry.name(), candidates)
              .map(n -> "did you mean '" + n + "'?")
              .orElse(type.masterName() + " has the fields " + fieldNames));
    }

    private Read text(Fields reader, YamlValue value, IntegrationField field, String owner) {
      if (!(value instanceof YamlScalar scalar)) {
        reader.wrongShape(field.name(), value, "a single value");
        return new Read.Reported();
      }
      if (scalar.isNull()) {
        return new Read.Empty();
      }
      Optional<Substituted> substituted =
          substitute(scalar.text(), scalar.at(), owner, field.name());
      if (substituted.isEmpty()) {
        return new Read.Reported();
      }
      Optional<String> text = substituted.map(Substituted::text);
      if (text.get().isEmpty()) {
        return new Read.Empty();
      }
      // A plan's unset ${VAR} was warned about: its shape is the run's to check.
      if (field.kind() == FieldKind.URL && substituted.get().complete()) {
        Optional<String> problem = RegistryUrl.problem(text.get());
        if (problem.isPresent()) {
          out.error(
              DiagnosticCode.AL203,
              scalar.at(),
              owner + " field '" + field.name() + "' is not a valid url: " + problem.get(),
              URL_HINT);
          return new Read.Reported();
        }
      }
      return new Read.Value(
          field.secret()
              ? new FieldValue.Hidden(new Secret(text.get()))
              : new FieldValue.Text(text.get()));
    }

    private Read map(Fields reader, YamlValue value, IntegrationField field, String owner) {
      if (value instanceof YamlScalar s && s.isNull()) {
        return new Read.Empty();
      }
      if (!(value instanceof YamlMapping mapping)) {
        reader.wrongShape(field.name(), value, "a mapping of names to values");
        return new Read.Reported();
      }
      Map<String, Secret> values = new LinkedHashMap<>();
      boolean reported = false;
      for (YamlEntry e : mapping.entries()) {
        String path = field.name() + "." + e.name();
        if (!(e.value() instanceof YamlScalar scalar)) {
          reader.wrongShape(path, e.value(), "a single value");
          reported = true;
          continue;
        }
        String raw = scalar.isNull() ? "" : scalar.text();
        Optional<Substituted> text = substitute(raw, scalar.at(), owner, path);
        if (text.isEmpty()) {
          reported = true;
          continue;
        }
        values.put(e.name(), new Secret(text.get().text()));
      }
      if (reported) {
        return new Read.Reported();
      }
      return values.isEmpty() ? new Read.Empty() : new Read.Value(new FieldValue.Entries(values));
    }

    /**
     * Replaces {@code ${NAME}} by the environment variable NAME and {@code $$} by {@code $}; any
     * other {@code $} stays as written. Empty when a problem was reported; not complete when a
     * plan's parser kept an unset {@code ${NAME}} as written. Messages name the variable, never the
     * value around it.
     */
    private Optional<Substituted> substitute(
        String raw, SourceLocation at, String owner, String field) {
      StringBuilder result = new StringBuilder(raw.length());
      boolean ok = true;
      boolean complete = true;
      int i = 0;
      while (i < raw.length()) {
        char c = raw.charAt(i);
        char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
        if (c != '$' || next != '$' && next != '{') {
          result.append(c);
          i++;
          continue;
        }
        if (next == '$') {
          result.append('$');
          i += 2;
          continue;
        }
        int close = raw.indexOf('}', i + 2);
        if (close < 0) {
          out.error(
              DiagnosticCode.AL011,
              at,
              owner + " field '" + field + "' has '${' without a closing '}'",
              "write ${NAME} to read an environment variable, or $$ for a literal $");
          return Optional.empty();
        }
        String variable = raw.substring(i + 2, close);
        i = close + 1;
        if (!VariableName.isValid(variable)) {
          out.error(
              DiagnosticCode.AL011,
              at,
              owner + " field '" + field + "' has a '${…}' that does not hold a variable name",
              "a variable name has letters, digits and '_' and does not start with a digit; "
                  + "write $$ for a literal $");
          ok = false;
          continue;
        }
        String value = environment.get(variable);
        if (value == null && unsetKept) {
          out.warning(
              DiagnosticCode.AL204,
              at,
              owner + " field '" + field + "' reads ${" + variable + "}, which is not set",
              "plan goes on without it; export "
                  + variable
                  + " before 'shiprun run', or write the value in the file");
          result.append("${").append(variable).append('}');
          complete = false;
          continue;
        }
        if (value == null) {
          out.error(
              DiagnosticCode.AL204,
              at,
              owner + " field '" + field + "' reads ${" + variable + "}, which is not set",
              "export " + variable + " before running shiprun, or write the value in the file");
          ok = false;
          continue;
        }
        result.append(value);
      }
      return ok ? Optional.of(new Substituted(result.toString(), complete)) : Optional.empty();
    }

    private void maskFields(YamlMapping map) {
      List<YamlEntry> entries = map.entries();
      for (int i = 0; i < entries.size(); i++) {
        YamlEntry entry = entries.get(i);
        if (!entry.name().equals(NAME) && !entry.name().equals(TYPE)) {
          redaction.mask(entry.value(), nextKey(entries, i, Optional.empty()));
        }
      }
    }
  }

  private static Optional<SourceLocation> nextKey(
      List<YamlEntry> entries, int index, Optional<SourceLocation> otherwise) {
    return index + 1 < entries.size() ? Optional.of(entries.get(index + 1).key().at()) : otherwise;
  }

  /** An address such as {@code https://user:password@host} holds a password in plain sight. */
  private static boolean carriesUserInfo(IntegrationField field, YamlEntry entry) {
    return field.kind() == FieldKind.URL
        && entry.value() instanceof YamlScalar s
        && s.text().indexOf('@') >= 0;
  }

  /**
   * Hides values in the text kept for quoting source lines, so a rendered diagnostic never shows a
   * secret. A value runs from its start to the next key of its mapping, or to the end of its line.
   */
  private static final class Redaction {
    /** start line, start column, end line (0: end of the start line), end column; 1-based. */
    private final List<int[]> regions = new ArrayList<>();

    void mask(YamlValue value, Optional<SourceLocation> until) {
      if (value instanceof YamlScalar scalar) {
        SourceLocation at = scalar.at();
        if (at.hasLine()) {
          regions.add(
              new int[] {
                at.line(),
                at.column(),
                until.map(SourceLocation::line).orElse(0),
                until.map(SourceLocation::column).orElse(0)
              });
        }
      } else if (value instanceof YamlMapping mapping) {
        List<YamlEntry> entries = mapping.entries();
        for (int i = 0; i < entries.size(); i++) {
          mask(entries.get(i).value(), nextKey(entries, i, until));
        }
      } else if (value instanceof YamlSequence sequence) {
        sequence.items().forEach(item -> mask(item, Optional.empty()));
      } else {
        throw new AssertionError(value);
      }
    }

    /**
     * Hides the text from {@code at} to the end of its line and the lines after it that are
     * indented deeper (the rest of a value that starts there), for what is not in the tree.
     */
    void maskFrom(SourceLocation at, String text) {
      if (!at.hasLine()) {
        return;
      }
      String[] lines = text.split("\n", -1);
      int last = at.line();
      while (last < lines.length && (lines[last].isBlank() || indent(lines[last]) >= at.column())) {
        last++;
      }
      regions.add(new int[] {at.line(), at.column(), last, Integer.MAX_VALUE});
    }

    private static int indent(String line) {
      int i = 0;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      return i;
    }

    String apply(String text) {
      String[] lines = text.split("\n", -1);
      boolean[][] hidden = new boolean[lines.length][];
      for (int i = 0; i < lines.length; i++) {
        hidden[i] = new boolean[lines[i].length()];
      }
      for (int[] r : regions) {
        int startLine = r[0] - 1;
        if (startLine < 0 || startLine >= lines.length) {
          continue;
        }
        int endLine = r[2] == 0 ? startLine : Math.min(r[2] - 1, lines.length - 1);
        for (int line = startLine; line <= endLine; line++) {
          int length = lines[line].length();
          int from = line == startLine ? Math.max(0, r[1] - 1) : 0;
          int to = line == endLine && r[2] != 0 ? Math.min(length, r[3] - 1) : length;
          for (int c = from; c < to; c++) {
            hidden[line][c] = true;
          }
        }
      }
      StringBuilder out = new StringBuilder(text.length());
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.append('\n');
        }
        appendMasked(lines[i], hidden[i], out);
      }
      return out.toString();
    }

    /** A hidden run to the end of the line becomes {@code ***}; one inside it, one '*' a char. */
    private static void appendMasked(String line, boolean[] hidden, StringBuilder out) {
      int end = line.endsWith("\r") ? line.length() - 1 : line.length();
      int i = 0;
      while (i < line.length()) {
        if (i >= end || !hidden[i]) {
          out.append(line.charAt(i++));
          continue;
        }
        int runEnd = i;
        while (runEnd < end && hidden[runEnd]) {
          runEnd++;
        }
        if (runEnd == end) {
          while (i < runEnd && Character.isWhitespace(line.charAt(i))) {
            out.append(line.charAt(i++));
          }
          if (i < runEnd) {
            out.append("***");
          }
        } else {
          for (; i < runEnd; i++) {
            char c = line.charAt(i);
            out.append(Character.isWhitespace(c) ? c : '*');
          }
        }
        i = runEnd;
      }
    }
  }
}
