package dev.shiprun.model.integration;

import java.util.Map;
import java.util.Objects;

/** The value of one integration field: text, a secret, or a map of secrets (key-value envs). */
public sealed interface FieldValue {

  /** The value as shown to people: secrets as {@code ***}. */
  String display();

  record Text(String value) implements FieldValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return value;
    }
  }

  record Hidden(Secret value) implements FieldValue {
    public Hidden {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return "***";
    }
  }

  /** Named values, each secret (the key-value integration's envs). */
  record Entries(Map<String, Secret> values) implements FieldValue {
    public Entries {
      values = Map.copyOf(values);
    }

    @Override
    public String display() {
      return values.isEmpty() ? "{}" : "{" + String.join(", ", values.keySet()) + ": ***}";
    }
  }
}
