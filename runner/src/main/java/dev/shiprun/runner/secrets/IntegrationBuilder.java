package dev.shiprun.runner.secrets;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.diagnostic.Suggestions;
import dev.shiprun.model.integration.FieldKind;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.RegistryUrl;
import dev.shiprun.model.integration.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds an {@link Integration} from fields a user gives one at a time, with its type's rules: the
 * type and each field must exist, a URL field must be an address of {@link RegistryUrl}'s shape,
 * required fields must be there (a URL may be left to the type's default). {@code shiprun
 * integration add} and the daemon's {@code PUT /api/integrations/{name}} both build through it, so
 * a stored integration passes the same checks whichever way it came. Problems are {@link
 * IntegrationInputException}s whose fix is worded by the caller's {@link Wording}.
 */
public final class IntegrationBuilder {

  /** How a user gives a field where the builder is used: the fix part of its messages. */
  public interface Wording {

    /** The field as the user named it: {@code --url} on the command line. */
    String named(IntegrationField field);

    /** How to give the field: {@code give it with --username VALUE}. */
    String give(IntegrationField field);
  }

  private final String name;
  private final IntegrationType type;
  private final Wording wording;
  private final Map<String, FieldValue> values = new LinkedHashMap<>();

  public IntegrationBuilder(String name, IntegrationType type, Wording wording) {
    this.name = name;
    this.type = type;
    this.wording = wording;
  }

  /** The type called {@code name} (its master name or an alias), or which ones there are. */
  public static IntegrationType type(IntegrationTypes types, String name) {
    return types
        .find(name)
        .orElseThrow(
            () ->
                new IntegrationInputException(
                    "unknown integration type '"
                        + name
                        + "'"
                        + Suggestions.closest(name, types.names())
                            .map(s -> "; did you mean '" + s + "'? known types: ")
                            .orElse("; known types: ")
                        + String.join(
                            ", ", types.all().stream().map(IntegrationType::masterName).toList())));
  }

  public IntegrationType type() {
    return type;
  }

  /** The type's field of that name (any case), or the fields it has. */
  public IntegrationField field(String field) {
    return type.field(field)
        .orElseThrow(
            () ->
                new IntegrationInputException(
                    "a "
                        + type.masterName()
                        + " integration has no field '"
                        + field
                        + "'; its fields: "
                        + String.join(
                            ", ", type.fields().stream().map(IntegrationField::name).toList())));
  }

  /** A plain value; a URL field's must have the address shape (empty: the type's default). */
  public IntegrationBuilder text(IntegrationField field, String value) {
    if (field.kind() == FieldKind.URL && !value.isEmpty()) {
      RegistryUrl.problem(value)
          .ifPresent(
              problem -> {
                throw new IntegrationInputException(
                    wording.named(field)
                        + " is not a usable address: "
                        + problem
                        + "; write it as "
                        + RegistryUrl.EXPECTED_SHAPE);
              });
    }
    values.put(field.name(), new FieldValue.Text(value));
    return this;
  }

  /** A secret value: kept as a {@link Secret}, never in a message. */
  public IntegrationBuilder secret(IntegrationField field, String value) {
    values.put(field.name(), new FieldValue.Hidden(new Secret(value)));
    return this;
  }

  /** Named secret values (the key-value type's {@code envs}). */
  public IntegrationBuilder entries(IntegrationField field, Map<String, String> entries) {
    Map<String, Secret> secrets = new LinkedHashMap<>();
    entries.forEach((k, v) -> secrets.put(k, new Secret(v)));
    values.put(field.name(), new FieldValue.Entries(secrets));
    return this;
  }

  /** The integration, once every required field is there. */
  public Integration build(SourceLocation at) {
    for (IntegrationField f : type.fields()) {
      boolean urlWithDefault = f.kind() == FieldKind.URL && type.defaultUrl().isPresent();
      if (f.required() && !values.containsKey(f.name()) && !urlWithDefault) {
        throw new IntegrationInputException(
            "a "
                + type.masterName()
                + " integration needs field '"
                + f.name()
                + "': "
                + wording.give(f));
      }
    }
    return new Integration(name, type, values, at);
  }
}
