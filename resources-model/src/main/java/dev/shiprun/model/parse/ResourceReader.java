package dev.shiprun.model.parse;

import dev.shiprun.model.CliConfigResource;
import dev.shiprun.model.GenericResource;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.IntegrationResource;
import dev.shiprun.model.Named;
import dev.shiprun.model.NotificationResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.Resource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.ResourceHeader;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TimeResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.VersionResource;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.yaml.YamlEntry;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.model.yaml.YamlScalar;
import dev.shiprun.model.yaml.YamlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Reads one item of {@code resources:}, or of {@code triggers:} (resources of type trigger). */
final class ResourceReader {

  /** What a trigger's version holds: a number to bump, or a message (Shippable's trigger page). */
  private static final Set<String> TRIGGER_VERSION_KEYS = Set.of("counter", "message");

  private final Diagnostics out;
  private final Predicate<String> otherTypes;

  /** {@code otherTypes}: which {@code type:} names besides spec §1.2's are known (a plugin's). */
  ResourceReader(Diagnostics out, Predicate<String> otherTypes) {
    this.out = out;
    this.otherTypes = otherTypes;
  }

  Optional<Resource> read(YamlValue item) {
    return read(item, false);
  }

  /**
   * An item of the old {@code triggers:} list (shippable.triggers.yml): a resource whose type is
   * trigger, which it may leave out.
   */
  Optional<Resource> readTrigger(YamlValue item) {
    return read(item, true);
  }

  private Optional<Resource> read(YamlValue item, boolean underTriggers) {
    if (!(item instanceof YamlMapping map)) {
      out.error(
          DiagnosticCode.AL008,
          item.at(),
          "a resource must be a mapping with 'name' and 'type', found " + item.describe(),
          "write '- name: my-resource' and 'type: image' on the next line");
      return Optional.empty();
    }
    Optional<String> name = new Fields(map, "a resource", out).requiredName("resource");
    String label = "resource '" + name.orElse("?") + "'";
    Fields fields = new Fields(map, label, out);
    fields.warnUnknownKeys(Vocabulary.RESOURCE_KEYS);
    Optional<YamlScalar> type = fields.scalar("type");
    if (underTriggers && type.isPresent() && !type.get().text().equals(TriggerResource.TYPE)) {
      out.error(
          DiagnosticCode.AL011,
          type.get().at(),
          label
              + " is under 'triggers:' but has type '"
              + type.get().text()
              + "'; every entry of 'triggers:' is a trigger",
          "write 'type: trigger', or move " + label + " under 'resources:'");
    } else if (type.isEmpty() && !underTriggers) {
      // An entry of 'triggers:' without a type can only be a trigger.
      out.error(
          DiagnosticCode.AL102,
          map.at(),
          label + " has no 'type'",
          "add a type such as image, params, gitRepo, state or integration");
    } else if (type.isPresent()
        && !Vocabulary.RESOURCE_TYPES.contains(type.get().text())
        && !otherTypes.test(type.get().text())) {
      out.error(
          DiagnosticCode.AL103,
          type.get().at(),
          label + " has unknown type '" + type.get().text() + "'",
          Suggestions.closest(type.get().text(), Vocabulary.RESOURCE_TYPES)
              .map(s -> "did you mean '" + s + "'?")
              .orElse("known types: " + sorted(Vocabulary.RESOURCE_TYPES)));
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Named> integration =
        fields
            .scalar("integration")
            .or(() -> fields.scalar("integrationName"))
            .map(s -> new Named(s.text(), s.at()));
    ResourceDefinition definition =
        new ResourceDefinition(
            fields.mapping("pointer"),
            fields.mapping("seed"),
            fields.mapping("version"),
            fields.mapping("versionTemplate"));
    ResourceHeader header =
        new ResourceHeader(
            name.get(),
            underTriggers ? TriggerResource.TYPE : type.map(YamlScalar::text).orElse("?"),
            integration,
            definition,
            fields.strings("flags"),
            map.at());
    return Optional.of(build(header, label));
  }

  private Resource build(ResourceHeader header, String label) {
    return switch (header.type()) {
      case "image" -> new ImageResource(header);
      case "integration" -> new IntegrationResource(header);
      case "params" -> params(header, label);
      case "gitRepo" -> new GitRepoResource(header);
      case "state" -> new StateResource(header);
      case "time" -> new TimeResource(header);
      case "version" -> new VersionResource(header);
      case "cliConfig" -> new CliConfigResource(header);
      case "notification" -> new NotificationResource(header);
      case TriggerResource.TYPE -> trigger(header, label);
      default -> new GenericResource(header);
    };
  }

  /**
   * A trigger's values ({@code counter}, {@code message}) sit under {@code version} (the documented
   * form), {@code versionTemplate}, {@code seed} or {@code pointer} (both seen in real lines): each
   * must be a single value; other keys are reported and kept.
   */
  private Resource trigger(ResourceHeader header, String label) {
    ResourceDefinition d = header.definition();
    checkTriggerSection("version", d.version(), label);
    checkTriggerSection("versionTemplate", d.versionTemplate(), label);
    checkTriggerSection("seed", d.seed(), label);
    checkTriggerSection("pointer", d.pointer(), label);
    return new TriggerResource(header);
  }

  private void checkTriggerSection(String key, Optional<YamlMapping> section, String label) {
    if (section.isEmpty()) {
      return;
    }
    String owner = "'" + key + "' of " + label;
    new Fields(section.get(), owner, out).warnUnknownKeys(TRIGGER_VERSION_KEYS);
    for (YamlEntry entry : section.get().entries()) {
      if (!TRIGGER_VERSION_KEYS.contains(entry.name())) {
        continue;
      }
      if (!(entry.value() instanceof YamlScalar value)) {
        out.error(
            DiagnosticCode.AL008,
            entry.value().at(),
            "'"
                + entry.name()
                + "' in "
                + owner
                + " must be a single value, found "
                + entry.value().describe(),
            entry.name().equals("counter")
                ? "write 'counter: 1' and raise the number to trigger the jobs that read it"
                : "write the message on the same line: message: 'deploy to test'");
      } else if (entry.name().equals("counter") && !value.isNull() && value.asLong().isEmpty()) {
        out.warning(
            DiagnosticCode.AL011,
            value.at(),
            "'counter' in " + owner + " is a number to raise, found '" + value.text() + "'",
            "write a whole number such as 'counter: 1'; any change still makes a new version");
      }
    }
  }

  /** params live under versionTemplate.params (latest) or version.params (old); both work. */
  private Resource params(ResourceHeader header, String label) {
    ResourceDefinition d = header.definition();
    Optional<YamlMapping> section = d.versionTemplate().or(d::version);
    Optional<YamlValue> params = section.flatMap(m -> m.get("params"));
    YamlMapping all = YamlMapping.empty(section.map(YamlMapping::at).orElse(header.at()));
    if (params.isPresent()) {
      if (params.get() instanceof YamlMapping m) {
        all = m;
      } else if (!(params.get() instanceof YamlScalar s && s.isNull())) {
        out.error(
            DiagnosticCode.AL008,
            params.get().at(),
            "'params' of "
                + label
                + " must be a mapping of names to values, found "
                + params.get().describe(),
            "write 'params:' and then 'KEY: value' lines indented below it");
      }
    }
    List<YamlEntry> plain = new ArrayList<>();
    Optional<YamlScalar> secure = Optional.empty();
    for (YamlEntry entry : all.entries()) {
      if (entry.name().equals("secure") && entry.value() instanceof YamlScalar s) {
        secure = Optional.of(s);
      } else {
        plain.add(entry);
      }
    }
    return new ParamsResource(header, new YamlMapping(plain, all.at()), secure);
  }

  private static String sorted(java.util.Collection<String> words) {
    return String.join(", ", words.stream().sorted().toList());
  }
}
