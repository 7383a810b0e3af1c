package dev.shiprun.model.integration;

import java.util.Objects;

/** One field of an integration type: its name as Shippable spelled it, and how to treat it. */
public record IntegrationField(String name, FieldKind kind, boolean secret, boolean required) {

  public IntegrationField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static IntegrationField text(String name) {
    return new IntegrationField(name, FieldKind.TEXT, false, true);
  }

  public static IntegrationField optionalText(String name) {
    return new IntegrationField(name, FieldKind.TEXT, false, false);
  }

  public static IntegrationField secret(String name) {
    return new IntegrationField(name, FieldKind.TEXT, true, true);
  }

  public static IntegrationField optionalSecret(String name) {
    return new IntegrationField(name, FieldKind.TEXT, true, false);
  }

  public static IntegrationField url(String name, boolean required) {
    return new IntegrationField(name, FieldKind.URL, false, required);
  }
}
